namespace ExecOps.Bot.Settings;

/// <summary>Section `Tickets`: the generic outbound webhook that receives follow-up tasks as tickets. Off while no URL is set.</summary>
public sealed class TicketSettings
{
    public string? WebhookUrl { get; set; }

    /// <summary>Signs every call (HMAC-SHA256), so the receiver can tell the bot's calls from anyone else's.</summary>
    public string? Secret { get; set; }
}
