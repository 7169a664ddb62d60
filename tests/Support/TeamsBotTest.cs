using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace ExecOps.Tests.Support;

/// <summary>
/// The bot with Teams configured against a test OpenID issuer and a fake Bot Connector, both on
/// loopback. The recorded Teams activities' users are mapped onto two people of the directory.
/// </summary>
public abstract class TeamsBotTest : IAsyncLifetime
{
    public const string AppId = "0b6fe6d1-fece-44f7-9a48-56465e2d5ab8";
    public const string AliceAad = "b15a9416-0ad3-4172-9210-7beb711d3f70";
    public const string BobAad = "c5e99701-2a32-49c1-a660-4629ceeb8c61";

    protected TempDatabase Database { get; } = new();
    protected TestOpenIdIssuer Issuer { get; private set; } = null!;
    protected FakeConnector Connector { get; private set; } = null!;
    protected BotFactory Bot { get; private set; } = null!;
    protected HttpClient Http { get; private set; } = null!;

    /// <summary>More settings a test needs (a manager for one of the two people, say), over the Teams ones.</summary>
    protected virtual IReadOnlyDictionary<string, string?> MoreSettings { get; } = new Dictionary<string, string?>();

    public async Task InitializeAsync()
    {
        Issuer = await TestOpenIdIssuer.StartAsync();
        Connector = await FakeConnector.StartAsync();
        var settings = new Dictionary<string, string?>
        {
            ["Teams:AppId"] = AppId,
            ["Teams:AppPassword"] = "test-app-password",
            ["Teams:OpenIdMetadataUrl"] = Issuer.MetadataUrl,
            ["Teams:TokenEndpoint"] = Connector.TokenEndpoint,
            ["People:2:TeamsId"] = AliceAad,
            ["People:3:TeamsId"] = BobAad,
            ["Playground:Enabled"] = "true",
        };
        foreach (var (key, value) in MoreSettings) settings[key] = value;
        Bot = new BotFactory(Database, settings: settings, replace: Connector.AddTrust);
        Http = Bot.CreateClient();
    }

    public async Task DisposeAsync()
    {
        Bot.Dispose();
        await Connector.DisposeAsync();
        await Issuer.DisposeAsync();
        Database.Dispose();
    }

    /// <summary>A recorded Teams activity, pointed at the fake Connector so replies reach it.</summary>
    protected JsonObject Recorded(string file)
    {
        var activity = (JsonObject)JsonNode.Parse(SharedExternal.Read($"teams/{file}"))!;
        activity["serviceUrl"] = Connector.ServiceUrl;
        return activity;
    }

    protected string Token(JsonObject activity) => Issuer.Mint(AppId, (string)activity["serviceUrl"]!, Bot.Clock.GetUtcNow());

    protected Task<HttpResponseMessage> PostAsync(JsonObject activity, string? token = null, bool authorize = true)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json") };
        if (authorize) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token ?? Token(activity));
        return Http.SendAsync(request);
    }

    /// <summary>A channel message from the recorded Teams capture, with other words typed after the bot's mention.</summary>
    protected JsonObject Message(string text, string aadObjectId = AliceAad, string? fromId = null)
    {
        var message = Recorded("message-channel-mention.json");
        message["text"] = $"<at>ridotest</at> {text}";
        message["from"]!["aadObjectId"] = aadObjectId;
        message["from"]!["id"] = fromId ?? $"29:user-{aadObjectId[..8]}";
        message["id"] = Guid.NewGuid().ToString("N");
        return message;
    }

    /// <summary>The recorded adaptiveCard/action invoke, pressing <paramref name="verb"/> with <paramref name="data"/>.</summary>
    protected JsonObject Press(string verb, JsonObject data, string aadObjectId, string replyToId, bool automatic = false)
    {
        var invoke = Recorded("invoke-adaptiveCard-action.json");
        invoke["value"] = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data },
            ["trigger"] = automatic ? "automatic" : "manual",
        };
        invoke["from"]!["aadObjectId"] = aadObjectId;
        invoke["from"]!["id"] = $"29:user-{aadObjectId[..8]}";
        invoke["replyToId"] = replyToId;
        invoke["id"] = Guid.NewGuid().ToString("N");
        invoke["conversation"]!["conversationType"] = "channel";
        return invoke;
    }
}
