using ExecOps.Workflows.Compliance;
using ExecOps.Workflows.People;

namespace ExecOps.Cards.Compliance;

/// <summary>`/compliance exceptions`: the registry of exceptions waiting or in force, soonest expiry first.</summary>
public static class ExceptionsCard
{
    public static Card Build(IReadOnlyList<ControlStanding> controls, PeopleDirectory people)
    {
        var open = controls.SelectMany(c => c.Data.Exceptions.Where(e => e.IsOpen).Select(e => (c.Definition, Exception: e))).OrderBy(x => x.Exception.Until).ToList();
        var rows = open.Select(x => $"{x.Definition.Id} exception {x.Exception.Number} · {x.Exception.State.ToString().ToLowerInvariant()} · until {x.Exception.Until:yyyy-MM-dd} · " +
            $"asked by {people.NameOf(x.Exception.RequestedBy)}, approver {people.NameOf(x.Exception.Approver)} · {x.Exception.Reason} (compensating: {x.Exception.Compensating})").ToList();
        return new Card("Exceptions registry", [new ListBlock(rows.Count == 0 ? ["No exception is waiting or in force."] : rows)], [])
        {
            Subtitle = $"{open.Count(x => x.Exception.IsInForce)} in force, {open.Count(x => x.Exception.AwaitsApprover)} waiting",
        };
    }
}
