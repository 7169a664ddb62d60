namespace ExecOps.Workflows.Compliance;

public enum Freshness { Fresh, Stale, Missing }

/// <summary>How one evidence requirement stands: its latest item, when the next is due, and whether it is late.</summary>
public sealed record RequirementHealth(EvidenceRequirement Requirement, DateTimeOffset? Latest, DateTimeOffset Due, DateTimeOffset RedAt, Freshness Freshness, bool IsPastGrace);

/// <summary>
/// A control's evidence against its cadence: each requirement is due one cadence after its latest item
/// (or after the catalog took effect, while it has none); late is yellow, late past the grace period red.
/// </summary>
public static class ControlHealth
{
    public static IReadOnlyList<RequirementHealth> Of(ControlDefinition control, IReadOnlyDictionary<string, DateTimeOffset> latestByKind, DateOnly effective, TimeSpan grace, DateTimeOffset now) =>
        control.Evidence.Select(requirement =>
        {
            DateTimeOffset? latest = latestByKind.TryGetValue(requirement.Kind, out var at) ? at : null;
            var due = (latest ?? new DateTimeOffset(effective.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)) + requirement.Freshness;
            var freshness = now < due ? Freshness.Fresh : latest is null ? Freshness.Missing : Freshness.Stale;
            return new RequirementHealth(requirement, latest, due, due + grace, freshness, now >= due + grace);
        }).ToList();

    /// <summary>The trigger that brings the control to what its evidence says: the worst requirement decides.</summary>
    public static ControlTrigger Verdict(IReadOnlyList<RequirementHealth> health) =>
        health.Any(h => h.IsPastGrace) ? ControlTrigger.Fail
        : health.Any(h => h.Freshness != Freshness.Fresh) ? ControlTrigger.FallStale
        : ControlTrigger.Refresh;
}

/// <summary>A control as `/compliance status` shows it: its definition, stored standing, and how its evidence stands now.</summary>
public sealed record ControlStanding(ControlDefinition Definition, ControlData Data, IReadOnlyList<RequirementHealth> Health);
