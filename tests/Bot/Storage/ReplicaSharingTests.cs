using System.Net;
using ExecOps.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ExecOps.Tests.Bot.Storage;

/// <summary>
/// Two replicas of the bot on one PostgreSQL database, sharing nothing else: what one signed or posted,
/// the other reads and acts on.
/// </summary>
public sealed class ReplicaSharingTests : IDisposable
{
    private readonly TempDatabase database = new(TempDatabase.Postgres);
    private readonly BotFactory first;
    private readonly BotFactory second;

    public ReplicaSharingTests()
    {
        // Each its own folder, as on machines of their own: the database is all they share.
        first = new BotFactory(database, settings: new() { ["Replica:Name"] = "first", ["Storage:Path"] = Path.Combine(database.Folder, "first", "unused.db") });
        second = new BotFactory(database, settings: new() { ["Replica:Name"] = "second", ["Storage:Path"] = Path.Combine(database.Folder, "second", "unused.db") });
    }

    public void Dispose()
    {
        first.Dispose();
        second.Dispose();
        database.Dispose();
    }

    private static HttpClient Browser(BotFactory bot) => bot.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    [Fact]
    public async Task A_scoreboard_link_signed_by_one_replica_opens_on_another_and_so_does_its_session()
    {
        var card = (await first.Playground().OneAsync("ceo", "/scoreboard")).Card!;
        var url = CardJson.OpenUrls(card).Single();
        var pass = url[(url.IndexOf("pass=", StringComparison.Ordinal) + 5)..].Split('&')[0];

        var opened = await Browser(second).GetAsync($"/scoreboard/open?pass={pass}");

        opened.StatusCode.Should().Be(HttpStatusCode.Redirect, "the key ring is in the database, so the second replica reads what the first signed");
        var session = opened.Headers.GetValues("Set-Cookie").Single().Split(';')[0];
        var request = new HttpRequestMessage(HttpMethod.Get, "/scoreboard/data");
        request.Headers.Add("Cookie", session);
        (await Browser(first).SendAsync(request)).StatusCode.Should().Be(HttpStatusCode.OK, "a session started on one replica holds on the other");
    }

    [Fact]
    public async Task A_message_committed_on_one_replica_is_delivered_by_the_other_at_once_not_at_its_next_look()
    {
        using var slow = new TempDatabase(TempDatabase.Postgres);
        // Looks for due messages every five minutes, and holds its lease for an hour: only a wake can explain a prompt delivery.
        var patient = new Dictionary<string, string?> { ["Outbox:PollInterval"] = "00:05:00", ["Outbox:LeaseTerm"] = "01:00:00" };
        using var one = new BotFactory(slow, settings: new(patient) { ["Replica:Name"] = "one", ["Storage:Path"] = Path.Combine(slow.Folder, "one", "unused.db") });
        using var two = new BotFactory(slow, settings: new(patient) { ["Replica:Name"] = "two", ["Storage:Path"] = Path.Combine(slow.Folder, "two", "unused.db") });
        var playgrounds = (one.Playground(), two.Playground());
        var deliverer = await Eventually.Until(() => Task.FromResult(one.Dispatcher.IsDelivering ? one : two.Dispatcher.IsDelivering ? two : null),
            d => d is not null, "one of them to take the outbox lease");
        var other = deliverer == one ? playgrounds.Item2 : playgrounds.Item1;

        await other.OneAsync("alice", "/incident declare sev2 \"Checkout 5xx\" service:payments");

        var store = deliverer!.Services.GetRequiredService<ExecOps.Workflows.Storage.Store>();
        await Eventually.Until(() => store.ReadAsync(s => s.Outbox.CountAsync()), counts => counts is { Pending: 0, Delivered: > 0 },
            "the deliverer, woken by the other replica's commit, to deliver", TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task A_card_posted_by_one_replica_is_pressed_on_another()
    {
        var card = await first.Playground().OneAsync("alice", "/incident declare sev2 \"Checkout 5xx\" service:payments");

        var replies = await second.Playground().ActionAsync("alice", card.MessageId, "incident.investigate", card.ActionData("incident.investigate"));

        CardJson.Facts(replies.Should().ContainSingle().Subject.Card!).Should().Contain("State: Investigating");
        CardJson.Facts((await first.Playground().OneAsync("lee", "/incident show INC-1")).Card!).Should().Contain("State: Investigating");
    }
}
