using ExecOps.Workflows.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace ExecOps.Tests.Support;

/// <summary>
/// The outbox is the only way a notification leaves the bot, so once it is drained everything the
/// commands so far meant to send has been sent, and a test can assert that nothing more was instead of sleeping.
/// </summary>
public static class OutboxWaits
{
    /// <summary>
    /// Delivers what is due, after whatever the background dispatcher has in hand (the dispatcher runs
    /// one pass at a time), and checks that nothing is left waiting for a retry.
    /// </summary>
    public static async Task DrainOutboxAsync(this BotFactory bot)
    {
        await bot.Dispatcher.DispatchDueAsync();
        await using var unit = await bot.Services.GetRequiredService<Store>().BeginAsync();
        (await unit.Outbox.CountAsync()).Pending.Should().Be(0, "a drained outbox has nothing waiting to be sent");
    }
}
