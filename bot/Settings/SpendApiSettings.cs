namespace ExecOps.Bot.Settings;

/// <summary>Section `Spend`, the part the intake endpoint reads: the bearer token billing exports send.</summary>
public sealed class SpendApiSettings
{
    public string? Token { get; set; }

    public long MaxBodyBytes { get; set; } = 16 * 1024 * 1024;
}
