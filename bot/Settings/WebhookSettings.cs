namespace ExecOps.Bot.Settings;

/// <summary>One outbound webhook under section `Webhooks:<name>` (tickets, rollback): where it is, and the key that signs its calls.</summary>
public sealed class WebhookSettings
{
    public string? Url { get; set; }
    public string? Secret { get; set; }
}
