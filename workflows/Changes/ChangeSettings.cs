namespace ExecOps.Workflows.Changes;

/// <summary>A service that changes are made to: who approves its Tier 0/1 changes and where its alerts go.</summary>
public sealed class ServiceSettings
{
    public string Approver { get; set; } = "";
    public string Channel { get; set; } = "";

    /// <summary>The team that runs the service, for per-team delivery numbers.</summary>
    public string Team { get; set; } = "";

    /// <summary>The service's own tier: Tier 0/1 services rehearse their rollback every quarter.</summary>
    public int Tier { get; set; } = 2;

    /// <summary>Who owns the service and is reminded of its drills.</summary>
    public string Owner { get; set; } = "";
}

/// <summary>A period when any change needs an exec's approval too (seed §5).</summary>
public sealed class Freeze
{
    public string Name { get; set; } = "";
    public DateTimeOffset Start { get; set; }
    public DateTimeOffset End { get; set; }
}

/// <summary>Section `Changes`.</summary>
public sealed class ChangeSettings
{
    public Dictionary<string, ServiceSettings> Services { get; set; } = [];
    public List<Freeze> Freezes { get; set; } = [];

    /// <summary>Where break-glass grants are announced.</summary>
    public string SecurityChannel { get; set; } = "security";

    /// <summary>The longest emergency access a person may grant themselves.</summary>
    public TimeSpan BreakGlassCap { get; set; } = TimeSpan.FromHours(4);

    /// <summary>How often each Tier 0/1 service rehearses its rollback (seed §12: quarterly).</summary>
    public TimeSpan DrillEvery { get; set; } = TimeSpan.FromDays(91);

    /// <summary>Where a change inside a freeze asks for an exec's approval.</summary>
    public string ExecChannel { get; set; } = "exec";

    /// <summary>How long after a change a Sev1/2 on the same service is proposed as linked to it.</summary>
    public TimeSpan IncidentLinkWindow { get; set; } = TimeSpan.FromHours(2);

    public ServiceSettings? Service(string name) =>
        Services.FirstOrDefault(s => s.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value;

    public Freeze? FreezeAt(DateTimeOffset? start, DateTimeOffset? end, DateTimeOffset now)
    {
        var (from, to) = (start ?? now, end ?? start ?? now);
        return Freezes.FirstOrDefault(f => from < f.End && to >= f.Start);
    }
}
