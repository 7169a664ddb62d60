using System.Text.Json.Nodes;
using ExecOps.Bot.Slack;
using ExecOps.Tests.Support;
using ExecOps.Workflows.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace ExecOps.Tests.Bot.Slack;

public sealed class SlackInboxTests : IDisposable
{
    private readonly TempDatabase temp = new();

    public void Dispose() => temp.Dispose();

    /// <summary>Holds every request it is given until the test lets go.</summary>
    private sealed class HeldHandler : ISlackInboxHandler
    {
        private int started;
        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public int Started => Volatile.Read(ref started);
        public string Source => "test";

        public async Task<JsonObject?> HandleAsync(string payload, CancellationToken cancel)
        {
            Interlocked.Increment(ref started);
            await Release.Task;
            return null;
        }
    }

    [Fact]
    public async Task A_flood_beyond_what_is_in_hand_waits_in_the_inbox_and_the_sweep_handles_it()
    {
        var store = new Store(await temp.MigratedAsync(), TimeProvider.System);
        var handler = new HeldHandler();
        var inbox = new SlackInbox(store, [handler], NullLogger<SlackInbox>.Instance);
        var flood = SlackInbox.MaxInFlight + 6;

        var inHand = 0;
        for (var i = 0; i < flood; i++)
            if (inbox.HandleSoon((await inbox.AcceptAsync("test", $"press/{i}", "{}"))!)) inHand++;
        inHand.Should().Be(SlackInbox.MaxInFlight, "requests past the limit stay on disk rather than queue in memory");
        await Eventually.Until(() => Task.FromResult(handler.Started), started => started == SlackInbox.MaxInFlight, "the requests in hand to start");

        handler.Release.SetResult();
        await Eventually.Until(() => PendingAsync(store), pending => pending == flood - SlackInbox.MaxInFlight, "the requests in hand to be marked handled");
        (await inbox.SweepAsync(olderThan: TimeSpan.Zero)).Should().Be(flood - SlackInbox.MaxInFlight);
        (await PendingAsync(store)).Should().Be(0);
        handler.Started.Should().Be(flood);
    }

    private static Task<int> PendingAsync(Store store) =>
        store.WriteAsync(async u => (await u.Inbox.PendingAsync(DateTimeOffset.MaxValue, 1000)).Count);
}
