namespace ExecOps.Bot.Settings;

/// <summary>Section `Diagnostics`: the memory endpoint answers only this bearer token; closed while it is empty.</summary>
public sealed class DiagnosticsSettings
{
    public string? Token { get; set; }
}
