using System.Text.Json.Nodes;
using ExecOps.Bot.Notifications;
using ExecOps.Bot.Slack;
using ExecOps.Tests.Support;
using ExecOps.Workflows.Kernel;
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

        public async Task<IReadOnlyList<SlackCall>> HandleAsync(string payload, CancellationToken cancel)
        {
            Interlocked.Increment(ref started);
            await Release.Task;
            return [];
        }
    }

    /// <summary>Answers at once, or fails at once, without ever yielding: the run can finish before anyone stores it.</summary>
    private sealed class InstantHandler(bool fail) : ISlackInboxHandler
    {
        public int Handled;
        public string Source => "test";

        public Task<IReadOnlyList<SlackCall>> HandleAsync(string payload, CancellationToken cancel)
        {
            Interlocked.Increment(ref Handled);
            return fail ? throw new InvalidOperationException("the handler failed") : Task.FromResult<IReadOnlyList<SlackCall>>([]);
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_run_that_finishes_at_once_leaves_nothing_in_flight_and_a_failed_one_is_swept_again(bool fail)
    {
        var store = new Store(await temp.MigratedAsync(), TimeProvider.System);
        var handler = new InstantHandler(fail);
        var inbox = new SlackInbox(store, [handler], new RequestAnswers(store), NullLogger<SlackInbox>.Instance);

        for (var i = 0; i < 20; i++) await inbox.ProcessAsync((await inbox.AcceptAsync("test", $"command/{i}", "{}"))!);

        inbox.InFlight.Should().Be(0, "a finished run always leaves the in-flight set");
        if (!fail) return;
        (await inbox.SweepAsync(olderThan: TimeSpan.Zero)).Should().Be(20);
        handler.Handled.Should().Be(40, "every failed request is tried again by the sweep, none skipped as if still running");
    }

    /// <summary>Applies a change through the kernel, then fails the first time, as a crash between the change and its answers would leave it.</summary>
    private sealed class FailsAfterItsChangeOnceHandler(Store store) : ISlackInboxHandler
    {
        private int runs;
        public string Source => "test";

        public async Task<IReadOnlyList<SlackCall>> HandleAsync(string payload, CancellationToken cancel)
        {
            await store.WriteAsync(async u => { await u.AuditAsync("RISK-9"); return await u.Counters.NextAsync("applied"); });
            if (Interlocked.Increment(ref runs) == 1) throw new InvalidOperationException("stopped after the change");
            return [];
        }
    }

    [Fact]
    public async Task A_request_run_again_after_it_failed_past_its_change_applies_the_change_once()
    {
        var store = new Store(await temp.MigratedAsync(), TimeProvider.System);
        var inbox = new SlackInbox(store, [new FailsAfterItsChangeOnceHandler(store)], new RequestAnswers(store), NullLogger<SlackInbox>.Instance);

        await inbox.ProcessAsync((await inbox.AcceptAsync("test", "event/Ev1", "{}"))!);
        (await inbox.SweepAsync(olderThan: TimeSpan.Zero)).Should().Be(1, "the failed run is left for the sweep");

        (await store.WriteAsync(u => u.Counters.NextAsync("applied"))).Should().Be(2, "the change was applied once: the second run found the request claimed");
        (await PendingAsync(store)).Should().Be(0, "the second run marks it handled");
    }

    [Fact]
    public async Task A_flood_beyond_what_is_in_hand_waits_in_the_inbox_and_the_sweep_handles_it()
    {
        var store = new Store(await temp.MigratedAsync(), TimeProvider.System);
        var handler = new HeldHandler();
        var inbox = new SlackInbox(store, [handler], new RequestAnswers(store), NullLogger<SlackInbox>.Instance);
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
