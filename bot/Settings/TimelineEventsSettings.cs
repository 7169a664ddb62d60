namespace ExecOps.Bot.Settings;

/// <summary>Section `TimelineEvents`: deploy, alert and config-change feeds post here with this bearer token.</summary>
public sealed class TimelineEventsSettings
{
    public string? Token { get; set; }
}
