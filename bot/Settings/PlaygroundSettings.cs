namespace ExecOps.Bot.Settings;

/// <summary>Section `Playground`: the browser channel at `/` for trying the bot on this machine, without a workspace.</summary>
public sealed class PlaygroundSettings
{
    /// <summary>Unset: on only while neither Slack nor Teams is configured. Set, it wins.</summary>
    public bool? Enabled { get; set; }

    /// <summary>The token the page and its API ask for; when empty, a random one is made at start-up and printed with the URL to open.</summary>
    public string? Token { get; set; }

    /// <summary>Whether peers other than this machine (loopback) may use it, with the token.</summary>
    public bool AllowRemote { get; set; }

    /// <summary>Whether the Playground is on, given the whole configuration (Slack's and Teams' credentials).</summary>
    public static bool IsOn(IConfiguration configuration) =>
        configuration.GetValue<bool?>("Playground:Enabled")
        ?? (string.IsNullOrWhiteSpace(configuration["Slack:SigningSecret"]) && string.IsNullOrWhiteSpace(configuration["Teams:AppId"]));

    /// <summary>
    /// Whether the Playground records what the outbox sends: only while it is the only chat, so that it
    /// never holds a copy of a real workspace's messages (a CEO's direct messages, a signed link).
    /// </summary>
    public static bool IsTheChat(IConfiguration configuration) =>
        IsOn(configuration) && string.IsNullOrWhiteSpace(configuration["Slack:SigningSecret"]) && string.IsNullOrWhiteSpace(configuration["Teams:AppId"]);
}
