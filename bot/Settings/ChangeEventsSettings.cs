namespace ExecOps.Bot.Settings;

/// <summary>Section `ChangeEvents`: delivery pipelines post a change's events with this bearer token.</summary>
public sealed class ChangeEventsSettings
{
    public string? Token { get; set; }
}
