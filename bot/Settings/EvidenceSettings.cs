namespace ExecOps.Bot.Settings;

/// <summary>Section `Evidence`: pipelines and tools post compliance evidence with this bearer token.</summary>
public sealed class EvidenceSettings
{
    public string? Token { get; set; }

    public long MaxBodyBytes { get; set; } = 1024 * 1024;
}
