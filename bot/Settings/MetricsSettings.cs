namespace ExecOps.Bot.Settings;

/// <summary>Section `Metrics`: the observation intake's bearer token and body size limit.</summary>
public sealed class MetricsSettings
{
    public string? Token { get; set; }

    /// <summary>A larger body is refused before it is read (413).</summary>
    public long MaxBodyBytes { get; set; } = 4 * 1024 * 1024;
}
