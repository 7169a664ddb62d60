using ExecOps.Workflows.Changes;
using ExecOps.Workflows.Notifications;
using ExecOps.Workflows.Scoreboard;
using ExecOps.Workflows.Storage;

namespace ExecOps.Workflows.Decisions;

/// <summary>
/// An approved decision's guardrails that name a KPI (`kpi.uptime >= 99.9`) are checked against the
/// scoreboard's latest company value whenever that KPI gets data; a breach alerts the decision's owner
/// and approver, once per guardrail and week.
/// </summary>
public static class DecisionGuardrails
{
    public static async Task CheckAsync(UnitOfWork unit, IReadOnlyCollection<string> kpis)
    {
        var approved = await unit.Aggregates.ListAsync<DecisionData>(Decision.Kind, [nameof(DecisionState.Approved)]);
        foreach (var decision in approved.Select(s => s.Body))
            foreach (var text in decision.Guardrails)
            {
                if (!text.TrimStart().StartsWith("kpi.", StringComparison.OrdinalIgnoreCase)) continue;
                var guardrail = Guardrail.ParseAll(text).Single();
                var kpi = guardrail.Metric[4..];
                if (!kpis.Contains(kpi)) continue;
                var latest = (await unit.Observations.AsOfAsync([kpi], Slice.Company, [unit.Now.AddTicks(1)]))[kpi][0];
                if (latest is not { } value || guardrail.Holds(value)) continue;
                var once = $"decision-guardrail/{decision.Id}/{guardrail}/{IsoWeek.Of(unit.Now)}";
                if (await unit.Requests.FindAsync(once) is not null) continue;
                await unit.Requests.RememberAsync(once, "alerted");
                foreach (var person in new[] { decision.Owner, decision.Approver }.OfType<string>().Distinct())
                    await unit.Outbox.EnqueueAsync(new Notification(Recipient.Person(person),
                        $"Guardrail breached: {decision.Id} ({decision.Verdict.ToString().ToUpperInvariant()} — {decision.Title}) holds {guardrail}, and {kpi} is now {value.ToString(System.Globalization.CultureInfo.InvariantCulture)}.",
                        new Subject(Decision.Kind, decision.Id)));
            }
    }
}
