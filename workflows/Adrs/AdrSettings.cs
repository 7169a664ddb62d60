namespace ExecOps.Workflows.Adrs;

/// <summary>Section `Adrs`.</summary>
public sealed class AdrSettings
{
    /// <summary>Where ADRs are announced as they are proposed, accepted and superseded.</summary>
    public string Channel { get; set; } = "architecture";

    /// <summary>A proposed ADR still undecided after this long is brought up once.</summary>
    public TimeSpan DecideWithin { get; set; } = TimeSpan.FromDays(7);

    public IEnumerable<string> Problems()
    {
        if (string.IsNullOrWhiteSpace(Channel)) yield return "Adrs:Channel must name a channel.";
        if (DecideWithin <= TimeSpan.Zero) yield return "Adrs:DecideWithin must be above zero.";
    }
}
