using System.Text.Json.Nodes;
using ExecOps.Tests.Support;
using ExecOps.Workflows.Scoreboard;

namespace ExecOps.Tests.Bot.Scoreboard;

/// <summary>Seed §12's hook: a KPI nobody owns becomes a task and ticket for the escalation owner when the weekly review opens, once a month.</summary>
public sealed class UnownedKpiTicketTests : IAsyncLifetime
{
    private readonly TempDatabase database = new();
    private FakeWebhook tickets = null!;
    private BotFactory bot = null!;

    public async Task InitializeAsync()
    {
        var catalog = JsonNode.Parse(File.ReadAllText(Path.Combine(SharedExternal.RepoRoot, "workflows", "Kpis", "kpi-catalog.json")))!.AsObject();
        catalog["kpis"]![6]!.AsObject().Remove("owner");
        var path = Path.Combine(database.Folder, "catalog.json");
        await File.WriteAllTextAsync(path, catalog.ToJsonString());
        tickets = await FakeWebhook.StartAsync();
        bot = new BotFactory(database, settings: new()
        {
            ["Kpis:CatalogPath"] = path, ["Webhooks:tickets:Url"] = tickets.Url, ["Webhooks:tickets:Secret"] = "test-ticket-secret",
        });
    }

    public async Task DisposeAsync()
    {
        bot.Dispose();
        await tickets.DisposeAsync();
        database.Dispose();
    }

    [Fact]
    public async Task The_weekly_review_tickets_an_unowned_KPI_to_the_escalation_owner_once_a_month()
    {
        var playground = bot.Playground();
        var monday = bot.Clock.GetUtcNow();
        await bot.ArmedAsync(ScoreboardReminders.WeeklyReviewKey, r => r.DueAt == monday.AddDays(7));

        bot.Clock.Advance(TimeSpan.FromDays(7));
        await Eventually.Until(() => playground.MessagesAsync("ceo"), m => m.Any(x => x.Text.StartsWith("New task TASK-1: Change Failure Rate has no owner in the KPI catalog")), "the CEO's task");
        var ticket = (await tickets.WaitForAsync("the ticket")).Single();
        ((string)JsonNode.Parse(ticket.Body)!["summary"]!).Should().StartWith("TASK-1 for ceo: Change Failure Rate has no owner");

        await bot.ArmedAsync(ScoreboardReminders.WeeklyReviewKey, r => r.DueAt == monday.AddDays(14));
        bot.Clock.Advance(TimeSpan.FromDays(7));
        await bot.ArmedAsync(ScoreboardReminders.WeeklyReviewKey, r => r.DueAt == monday.AddDays(21));
        (await playground.OneAsync("ceo", "/tasks")).Text.Should().Contain("TASK-1").And.NotContain("TASK-2", "the same month's review does not ticket it again");
    }
}
