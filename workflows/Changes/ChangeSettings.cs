namespace ExecOps.Workflows.Changes;

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

    public Freeze? FreezeAt(DateTimeOffset? start, DateTimeOffset? end, DateTimeOffset now)
    {
        var (from, to) = (start ?? now, end ?? start ?? now);
        return Freezes.FirstOrDefault(f => from < f.End && to >= f.Start);
    }
}
