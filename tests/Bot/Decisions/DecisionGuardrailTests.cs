using ExecOps.Tests.Support;

namespace ExecOps.Tests.Bot.Decisions;

/// <summary>An approved decision's KPI guardrail checked against the scoreboard as data arrives.</summary>
public sealed class DecisionGuardrailTests : BotTest
{
    [Fact]
    public async Task A_breached_KPI_guardrail_alerts_owner_and_approver_once()
    {
        var proposed = await Playground.OneAsync("alice", "/decision new \"Wave 4\" verdict:expand owner:@bob approver:@dana budget:$250k guardrails:\"kpi.uptime >= 99.9, p95_latency_ms <= 1200\"");
        await Playground.ActionAsync("dana", proposed.MessageId, "decision.approve", proposed.ActionData("decision.approve"));

        await Observations.StoreAsync(Playground.Http, new { kpi = "uptime", period = "2026-W44", value = 99.95 });
        await Observations.StoreAsync(Playground.Http, new { kpi = "uptime", at = "2026-11-02T08:00:00Z", value = 99.4 });
        await Observations.StoreAsync(Playground.Http, new { kpi = "uptime", at = "2026-11-02T08:30:00Z", value = 99.3 });

        var alerts = await Eventually.Until(() => Playground.MessagesAsync("dana"), m => m.Any(x => x.Text.StartsWith("Guardrail breached")), "the approver's alert");
        alerts.Single(m => m.Text.StartsWith("Guardrail breached")).Text.Should().Be("Guardrail breached: DEC-2026-11-02-01 (EXPAND — Wave 4) holds kpi.uptime>=99.9, and uptime is now 99.4.");
        await Eventually.Until(() => Playground.MessagesAsync("bob"), m => m.Count(x => x.Text.StartsWith("Guardrail breached")) == 1, "the owner's alert, once");
    }

    [Fact]
    public async Task A_KPI_guardrail_must_be_plain_metric_comparison_and_number() =>
        (await Playground.OneAsync("alice", "/decision new \"X\" verdict:hold owner:@bob approver:@dana budget:$1 guardrails:\"kpi.uptime >= 4.3/5\"")).Text
            .Should().Contain("These guardrails do not parse: `kpi.uptime >= 4.3/5`");
}
