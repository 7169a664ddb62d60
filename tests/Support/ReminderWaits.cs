using ExecOps.Workflows.Reminders;
using ExecOps.Workflows.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace ExecOps.Tests.Support;

/// <summary>
/// Reminders are armed after their commit; moving the test clock before that would leave the
/// scheduler asleep on a timer that only fires when the clock moves again. Tests wait for this first.
/// </summary>
public static class ReminderWaits
{
    public static async Task<Reminder?> PendingAsync(this BotFactory bot, string key)
    {
        await using var unit = await bot.Services.GetRequiredService<Store>().BeginAsync();
        return await unit.Reminders.FindPendingAsync(key);
    }

    /// <summary>
    /// Fires the reminder now, as its Quartz trigger would, so a test need not wait to see whether the
    /// trigger fires. False when it is not due yet, or is no longer pending (its trigger may have got there first).
    /// </summary>
    public static Task<bool> FireAsync(this BotFactory bot, string key) =>
        ActivatorUtilities.CreateInstance<ReminderJob>(bot.Services).FireAsync(key);

    /// <summary>Waits until the reminder is pending, meets <paramref name="when"/> (its due time, say) and Quartz holds it.</summary>
    public static Task ArmedAsync(this BotFactory bot, string key, Func<Reminder, bool>? when = null)
    {
        var scheduler = bot.Services.GetRequiredService<ReminderScheduler>();
        return Eventually.Until(async () => await bot.PendingAsync(key) is { } reminder && (when?.Invoke(reminder) ?? true) && await scheduler.IsArmedAsync(reminder),
            armed => armed, $"{key} to be armed");
    }
}
