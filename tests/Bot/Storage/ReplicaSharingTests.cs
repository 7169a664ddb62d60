using System.Net;
using ExecOps.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

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
    public async Task A_card_posted_by_one_replica_is_pressed_on_another()
    {
        var card = await first.Playground().OneAsync("alice", "/incident declare sev2 \"Checkout 5xx\" service:payments");

        var replies = await second.Playground().ActionAsync("alice", card.MessageId, "incident.investigate", card.ActionData("incident.investigate"));

        CardJson.Facts(replies.Should().ContainSingle().Subject.Card!).Should().Contain("State: Investigating");
        CardJson.Facts((await first.Playground().OneAsync("lee", "/incident show INC-1")).Card!).Should().Contain("State: Investigating");
    }
}
