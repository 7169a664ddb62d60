namespace ExecOps.Bot.Slack;

/// <summary>Section `Slack`. The adapter is on when a signing secret (HTTP) or an app-level token (Socket Mode) is set; the secrets belong in the environment.</summary>
public sealed class SlackSettings
{
    public string? SigningSecret { get; set; }

    /// <summary>The bot token (xoxb-…) for the Web API.</summary>
    public string? BotToken { get; set; }

    /// <summary>Where the Web API lives; tests point it at a fake on loopback.</summary>
    public string ApiBaseUrl { get; set; } = "https://slack.com/api/";

    /// <summary>The channel (name or id) where new incidents are announced with a link to their own channel.</summary>
    public string AnnouncementsChannel { get; set; } = "incidents";

    /// <summary>How far a request's timestamp may be from our clock before it counts as a replay.</summary>
    public TimeSpan SignatureWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Slack gives an endpoint 3 seconds; a command not done by this budget is answered later through response_url.</summary>
    public TimeSpan AnswerBudget { get; set; } = TimeSpan.FromSeconds(2.5);

    /// <summary>The app-level token (xapp-…, scope connections:write): with it the bot also receives over Socket Mode, with no public URL.</summary>
    public string? AppToken { get; set; }

    /// <summary>Socket Mode connections kept open at once, so a refresh never leaves a gap (Slack allows 10 per app).</summary>
    public int SocketConnections { get; set; } = 2;

    /// <summary>How often each Socket Mode connection pings Slack; a link with no pong in twice this long counts as dead and is replaced.</summary>
    public TimeSpan SocketKeepAlive { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The HTTP endpoints verify requests with the signing secret; without it they answer 404.</summary>
    public bool Enabled => !string.IsNullOrWhiteSpace(SigningSecret);

    public bool UsesSocketMode => !string.IsNullOrWhiteSpace(AppToken);

    /// <summary>Slack is in use by either receiver, so the bot posts there too.</summary>
    public bool Receives => Enabled || UsesSocketMode;
}
