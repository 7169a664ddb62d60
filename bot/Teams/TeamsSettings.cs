namespace ExecOps.Bot.Teams;

/// <summary>Section `Teams`. The adapter is on when an app id is set; the password belongs in the environment.</summary>
public sealed class TeamsSettings
{
    /// <summary>The bot's Microsoft App ID: the audience every inbound token must carry.</summary>
    public string? AppId { get; set; }

    /// <summary>The app's client secret, for outbound tokens.</summary>
    public string? AppPassword { get; set; }

    /// <summary>For a single-tenant bot registration; outbound tokens then come from this tenant.</summary>
    public string? TenantId { get; set; }

    /// <summary>Where the Bot Framework publishes its signing keys; tests run their own issuer.</summary>
    public string OpenIdMetadataUrl { get; set; } = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    /// <summary>The issuer inbound tokens must name.</summary>
    public string Issuer { get; set; } = "https://api.botframework.com";

    /// <summary>The OAuth2 token endpoint for outbound (bot → Connector) tokens.</summary>
    public string TokenEndpoint { get; set; } = "https://login.microsoftonline.com/botframework.com/oauth2/v2.0/token";

    /// <summary>The scope outbound tokens are asked for.</summary>
    public string ConnectorScope { get; set; } = "https://api.botframework.com/.default";

    /// <summary>
    /// The conversation id (a team channel) where channel notifications go. Unset, it is the first team
    /// channel the bot was added to.
    /// </summary>
    public string? AnnouncementsConversation { get; set; }

    public bool Enabled => !string.IsNullOrWhiteSpace(AppId);
}
