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
    /// one pass at a time), and checks that nothing is left waiting for a retry. A reminder that fires
    /// in the background can queue a message between a pass and the count; that one is due at once, so a
    /// further pass takes it, while a message waiting for its retry is still there after every pass.
    /// </summary>
    public static async Task DrainOutboxAsync(this BotFactory bot)
    {
        var pending = 0L;
        for (var pass = 0; pass < 3; pass++)
        {
            await bot.Dispatcher.DispatchDueAsync();
            await using var unit = await bot.Services.GetRequiredService<Store>().BeginAsync();
            pending = (await unit.Outbox.CountAsync()).Pending;
            if (pending == 0) return;
        }
        pending.Should().Be(0, "a drained outbox has nothing waiting to be sent");
    }
}
