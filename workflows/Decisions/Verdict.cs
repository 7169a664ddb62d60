namespace ExecOps.Workflows.Decisions;

/// <summary>Seed 003's three outcomes for a use case or wave.</summary>
public enum Verdict { Expand, Hold, Retire }

/// <summary>The five dimensions of seed 003's traffic-light v2.</summary>
public enum Dimension { Value, Slos, Safety, Economics, Adoption }

/// <summary>One dimension assessed, with the evidence note that backs it.</summary>
public sealed record Assessment(Dimension Dimension, Verdict Verdict, string Note);

/// <summary>
/// The verdict the bot proposes from the five assessments (stated in the README): safety assessed
/// Retire, or any two dimensions Retire, proposes Retire; Value, SLOs and Safety all Expand with no
/// Retire and at most one Hold proposes Expand; anything else proposes Hold. All five must be assessed.
/// </summary>
public static class VerdictRule
{
    public static Verdict Propose(IReadOnlyList<Assessment> assessments)
    {
        var missing = Enum.GetValues<Dimension>().Where(d => assessments.All(a => a.Dimension != d)).ToList();
        if (missing.Count > 0)
            throw new RefusedException(RefusalKind.Invalid, $"Assess all five dimensions first; missing: {string.Join(", ", missing)}.");
        Verdict Of(Dimension d) => assessments.Last(a => a.Dimension == d).Verdict;
        var all = Enum.GetValues<Dimension>().Select(Of).ToList();
        if (Of(Dimension.Safety) == Verdict.Retire || all.Count(v => v == Verdict.Retire) >= 2) return Verdict.Retire;
        if (Of(Dimension.Value) == Verdict.Expand && Of(Dimension.Slos) == Verdict.Expand && Of(Dimension.Safety) == Verdict.Expand
            && all.All(v => v != Verdict.Retire) && all.Count(v => v == Verdict.Hold) <= 1) return Verdict.Expand;
        return Verdict.Hold;
    }
}
