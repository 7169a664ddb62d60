using System.Text.Json.Nodes;
using ExecOps.Tests.Bot.Spend;
using ExecOps.Tests.Support;

namespace ExecOps.Tests.Bot.Ownership;

/// <summary>
/// Every area reads owners from the one map: payments passes from sam to priya, in the map's file or by an admin from chat,
/// and the change approval, the incident page, break glass, the spend mover and the drill reminder all follow her.
/// </summary>
public sealed class OwnershipFollowedTests : IDisposable
{
    private readonly TempDatabase database = new();
    private readonly string mapFile = Path.Combine(Path.GetTempPath(), $"ownership-map-{Guid.NewGuid():N}.json");

    private const string Tier0 = "/change new tier:0 service:payments \"Vault\" scope:\"vault reads\" rollback:\"flag off\" metrics:\"p95_latency_ms<=300\" owner:@alice";

    [Theory]
    [InlineData("the map file")]
    [InlineData("an amendment from chat")]
    public async Task Renaming_payments_owner_moves_every_area_to_the_new_owner(string how)
    {
        Dictionary<string, string?> settings = [];
        if (how == "the map file")
        {
            var map = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "ownership-map.json")))!;
            var payments = map["entries"]!.AsArray().Single(e => (string)e!["id"]! == "payments")!;
            (payments["owner"], payments["onCall"], payments["approver"]) = ("priya", "priya", "priya");
            File.WriteAllText(mapFile, map.ToJsonString());
            settings["Ownership:MapPath"] = mapFile;
        }
        using var bot = new BotFactory(database, settings: settings);
        var playground = bot.Playground();
        if (how == "an amendment from chat")
            (await playground.OneAsync("ceo", "/owner set payments owner:@priya oncall:@priya approver:@priya")).Text.Should().Contain("amended for payments");

        CardJson.Facts((await playground.OneAsync("lee", "/owner payments")).Card!).Should().Contain("Owner: Priya Nair").And.Contain("On call: Priya Nair");

        // Spend first: its data set makes its own CHG-1, and the drain it ends with must not race an open incident's reminders.
        await SpendDataSet.MoversWeekAsync(bot, playground);
        await playground.HearsAsync("priya", "service payments moved +7,500.00 USD (+107%) in 2026-W45");

        var change = await playground.OneAsync("alice", Tier0);
        var asked = (await playground.HearsAsync("priya", "asks for approval of CHG-2")).First(m => m.Text.Contains("asks for approval of CHG-2"));
        (await playground.ActionAsync("sam", asked.MessageId, "change.approve", change.ActionData("change.approve"))).Single().Text.Should().Contain("it needs priya (payments's approver)");
        CardJson.Facts((await playground.ActionAsync("priya", asked.MessageId, "change.approve", change.ActionData("change.approve"))).Single().Card!).Should().Contain("State: Approved");

        await playground.OneAsync("alice", "/incident declare sev2 \"Card errors\" service:payments");
        await playground.HearsAsync("priya", "INC-1 Sev2 · Card errors is declared on Payments API (payments), which you are on call for");

        (await playground.OneAsync("priya", "/breakglass service:payments reason:\"vault locked\" duration:1h")).Text.Should().Contain("BG-1");
        (await playground.OneAsync("bob", "/breakglass service:payments reason:\"x\" duration:1h")).Text.Should().Contain("(priya)");

        await bot.ArmedAsync("drill/payments");
        bot.Clock.Advance(TimeSpan.FromDays(91));
        await playground.HearsAsync("priya", "The quarterly rollback drill of payments is due");
        (await playground.MessagesAsync("sam")).Should().NotContain(m => m.Text.Contains("drill of payments") || m.Text.Contains("asks for approval of CHG-2") || m.Text.Contains("which you are on call for"));
    }

    public void Dispose()
    {
        database.Dispose();
        File.Delete(mapFile);
    }
}
