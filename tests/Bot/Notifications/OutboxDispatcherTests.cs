using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ExecOps.Bot.Notifications;
using ExecOps.Bot.Playground;
using ExecOps.Tests.Support;
using ExecOps.Workflows.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ExecOps.Tests.Bot.Notifications;

public sealed class OutboxDispatcherTests : BotTest
{
    private readonly FlakyPort port;

    public OutboxDispatcherTests() : this(new FlakyPort()) { }

    // The background loop would race the test's own dispatch calls; the test drives delivery itself.
    private OutboxDispatcherTests(FlakyPort port) : base(new() { ["Outbox:Dispatch"] = "false" }, services =>
    {
        services.RemoveAll<IChatPort>();
        services.AddSingleton<PlaygroundChatPort>();
        services.AddSingleton<IChatPort>(sp => port.Wrapping(sp.GetRequiredService<PlaygroundChatPort>()));
    })
    {
        this.port = port;
    }

    /// <summary>
    /// A chat platform that fails on cue for the announcements channel (the first notification of a
    /// declaration), then passes through to the Playground's delivery log.
    /// </summary>
    private sealed class FlakyPort : IChatPort
    {
        private IChatPort inner = null!;
        public Queue<DeliveryFailedException> Failures { get; } = new();
        public List<string> Attempts { get; } = [];
        public List<string> AnnouncementAttempts { get; } = [];
        /// <summary>Recipient and text of each delivery that went through.</summary>
        public List<(string To, string Text)> Delivered { get; } = [];

        /// <summary>While set, a delivery to the announcements channel waits for it, as one held to a platform's pace does.</summary>
        public TaskCompletionSource? Hold { get; set; }

        public FlakyPort Wrapping(IChatPort port) { inner = port; return this; }

        public async Task DeliverAsync(Delivery delivery, CancellationToken cancel)
        {
            lock (Attempts) Attempts.Add(delivery.MessageId);
            if (delivery.To.Address == "#incidents")
            {
                lock (Attempts) AnnouncementAttempts.Add(delivery.MessageId);
                if (Failures.TryDequeue(out var failure)) throw failure;
                if (Hold is { } hold) await hold.Task;
            }
            await inner.DeliverAsync(delivery, cancel);
            lock (Attempts) Delivered.Add((delivery.To.Address, delivery.Text));
        }
    }

    private Task DeclareAsync() => Playground.OneAsync("alice", "/incident declare sev1 \"Checkout 5xx\"");

    [Fact]
    public async Task A_failed_delivery_is_retried_after_a_backoff_and_arrives_once()
    {
        await DeclareAsync();
        port.Failures.Enqueue(new DeliveryFailedException("platform is down"));

        (await Bot.Dispatcher.DispatchDueAsync()).Should().Be(1, "the incident channel's message went; the announcement did not");
        (await Playground.MessagesAsync("incidents")).Should().BeEmpty();
        (await Bot.Dispatcher.DispatchDueAsync()).Should().Be(0, "the retry is not due before its backoff");

        Bot.Clock.Advance(TimeSpan.FromSeconds(3));
        (await Bot.Dispatcher.DispatchDueAsync()).Should().Be(1);
        (await Bot.Dispatcher.DispatchDueAsync()).Should().Be(0);

        (await Playground.MessagesAsync("incidents")).Should().ContainSingle().Which.Text.Should().Contain("INC-1 declared");
        port.AnnouncementAttempts.Should().HaveCount(2).And.OnlyContain(id => id == port.AnnouncementAttempts[0], "a retry keeps the message id");
    }

    [Fact]
    public async Task A_recipient_held_up_at_its_platform_does_not_hold_up_the_others()
    {
        port.Hold = new(TaskCreationOptions.RunContinuationsAsynchronously);
        await DeclareAsync();
        await Playground.OneAsync("alice", "/incident role ops @bob");

        var drain = Bot.Dispatcher.DispatchDueAsync();
        await Eventually.Until(() => Task.FromResult(port.Delivered.Count), n => n >= 2, "the messages to the incident channel and to bob to go");
        drain.IsCompleted.Should().BeFalse("the announcement is still held");
        await Playground.OneAsync("alice", "/incident update \"Rolled back the deploy\"");
        var later = Bot.Dispatcher.DispatchDueAsync();
        await Eventually.Until(() => Task.FromResult(port.Delivered.Any(d => d.Text.Contains("Rolled back the deploy"))), sent => sent,
            "the update, written while the announcement is held, to go all the same");
        port.Delivered.Should().NotContain(d => d.To == "#incidents");

        port.Hold.SetResult();
        await Task.WhenAll(drain, later);
        port.Delivered.Should().Contain(d => d.To == "#incidents");
    }

    [Fact]
    public async Task A_rate_limit_is_honoured_by_waiting_its_retry_after()
    {
        await DeclareAsync();
        port.Failures.Enqueue(new DeliveryFailedException("429 Too Many Requests", retryAfter: TimeSpan.FromSeconds(90)));
        await Bot.Dispatcher.DispatchDueAsync();

        Bot.Clock.Advance(TimeSpan.FromSeconds(60));
        (await Bot.Dispatcher.DispatchDueAsync()).Should().Be(0);
        Bot.Clock.Advance(TimeSpan.FromSeconds(31));
        (await Bot.Dispatcher.DispatchDueAsync()).Should().Be(1);
    }

    [Fact]
    public async Task A_permanent_failure_is_parked_and_shown_in_health()
    {
        await DeclareAsync();
        port.Failures.Enqueue(new DeliveryFailedException("404 conversation not found", permanent: true));

        await Bot.Dispatcher.DispatchDueAsync();
        Bot.Clock.Advance(TimeSpan.FromHours(1));
        await Bot.Dispatcher.DispatchDueAsync();

        port.AnnouncementAttempts.Should().ContainSingle();
        var health = await Health.WhenRunningAsync(Bot.CreateClient());
        ((int)health!["outbox"]!["failed"]!).Should().Be(1);
        ((string?)health["outbox"]!["status"]).Should().Be("degraded");
    }

    [Fact]
    public async Task Concurrent_dispatch_runs_deliver_each_message_once()
    {
        await DeclareAsync();
        await Playground.OneAsync("alice", "/incident role ops @bob");

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Bot.Dispatcher.DispatchDueAsync()));

        port.Attempts.Should().OnlyHaveUniqueItems().And.HaveCount(4, "announcement, incident channel twice, and Bob's direct message");
    }

    [Fact]
    public async Task Delivering_the_same_message_again_after_a_crash_does_not_duplicate_it()
    {
        var log = Bot.Services.GetRequiredService<PlaygroundChatPort>();
        var delivery = new Delivery("ob-42", ExecOps.Workflows.Notifications.Recipient.Person("bob"), "hello", null);

        await log.DeliverAsync(delivery, default);
        await log.DeliverAsync(delivery, default);

        (await Playground.MessagesAsync("bob")).Should().ContainSingle().Which.MessageId.Should().Be("ob-42");
    }

    [Fact]
    public async Task After_the_last_attempt_a_message_is_given_up_on()
    {
        await DeclareAsync();
        for (var i = 0; i < 8; i++) port.Failures.Enqueue(new DeliveryFailedException("still down"));

        for (var i = 0; i < 8; i++)
        {
            await Bot.Dispatcher.DispatchDueAsync();
            Bot.Clock.Advance(TimeSpan.FromMinutes(6));
        }

        port.AnnouncementAttempts.Should().HaveCount(8);
        await using var unit = await Bot.Services.GetRequiredService<Store>().BeginAsync();
        // Only the announcement failed; the IC's messages (and the update nudges the moved clock brings) were delivered.
        (await unit.Outbox.CountAsync()).Failed.Should().Be(1);
    }
}
