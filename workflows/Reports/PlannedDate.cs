using ExecOps.Workflows.Decisions;

namespace ExecOps.Workflows.Reports;

/// <summary>A date an approved decision committed to: one of its milestones, or its revisit.</summary>
public sealed record PlannedDate(DateOnly Due, string What, DecisionData Decision)
{
    public const string Revisit = "revisit";

    /// <summary>Approved decisions' milestones and revisits due in [from, to), soonest first.</summary>
    public static IReadOnlyList<PlannedDate> Between(IEnumerable<DecisionData> decisions, DateOnly from, DateOnly to) => decisions
        .Where(d => d.IsInForce)
        .SelectMany(d => d.Milestones.Select(m => new PlannedDate(m.Due, m.Name, d))
            .Concat(d.Revisit is { } r ? [new PlannedDate(r, Revisit, d)] : []))
        .Where(p => p.Due >= from && p.Due < to)
        .OrderBy(p => p.Due).ThenBy(p => p.Decision.Id, StringComparer.Ordinal).ToList();
}

/// <summary>Something the board or an approver is asked to decide, with who owns it and by when it is needed (seed §11).</summary>
public sealed record Ask(string Id, string What, string Owner, string DecidedBy, DateOnly? NeededBy);
