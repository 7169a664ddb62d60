using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using ExecOps.Tests.Support;

namespace ExecOps.Tests.Bot.Teams;

/// <summary>The messaging endpoint refuses before anything runs, and finds people the way Teams lets it.</summary>
public sealed class TeamsEndpointTests : TeamsBotTest
{
    // An activity is handled before its response, so only the outbox could still send anything.
    private async Task NothingHappenedAsync()
    {
        await Bot.DrainOutboxAsync();
        Connector.Calls.Should().BeEmpty();
        (await Bot.Playground().OneAsync("lee", "/incident list all")).Text.Should().Contain("No incidents yet");
    }

    public static TheoryData<string> Refusals() => ["no header", "wrong audience", "wrong issuer", "expired", "another service", "unsigned", "key for another channel",
        "a.b.c", "a.b", "...", "!!!.e30.c2ln", "e30.e30.c2ln", "eyJhbGciOiJSUzI1NiJ9.bm90IGpzb24.c2ln"];

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_refused_token_gets_401_and_nothing_runs(string refusal)
    {
        var message = Message("incident declare sev1 \"Sneaky\"");
        var serviceUrl = (string)message["serviceUrl"]!;
        var now = Bot.Clock.GetUtcNow();
        var token = refusal switch
        {
            "wrong audience" => Issuer.Mint("another-bot", serviceUrl, now),
            "wrong issuer" => Issuer.Mint(AppId, serviceUrl, now, issuer: "https://evil.example.com"),
            "expired" => Issuer.Mint(AppId, serviceUrl, now.AddHours(-2), lifetime: TimeSpan.FromHours(1)),
            "another service" => Issuer.Mint(AppId, "https://attacker.example.com/", now),
            "unsigned" => Issuer.MintUnsigned(AppId, serviceUrl, now),
            // Signed by a key the JWKS publishes, but endorsed only for webchat, while the activity is from msteams.
            "key for another channel" => Issuer.MintWithKeyForAnotherChannel(AppId, serviceUrl, now),
            "no header" => null,
            // Whatever the header holds, a token that does not parse is a 401 like any other.
            _ => refusal,
        };

        var response = await PostAsync(message, token, authorize: refusal != "no header");

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized, refusal);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        await NothingHappenedAsync();
    }

    [Fact]
    public async Task The_recorded_request_from_Teams_is_refused_because_its_token_expired_in_2019()
    {
        var recorded = JsonNode.Parse(SharedExternal.Read("teams/recorded-request-message-channel-mention.json"))!;
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new StringContent(recorded["body"]!.ToJsonString(), Encoding.UTF8, "application/json") };
        request.Headers.Authorization = AuthenticationHeaderValue.Parse((string)recorded["headers"]!["authorization"]!);

        var response = await Http.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await response.Content.ReadAsStringAsync()).Should().Contain("expired");
        await NothingHappenedAsync();
    }

    [Fact]
    public async Task A_body_that_is_not_an_activity_is_refused_with_what_was_wrong_once_the_token_holds()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new StringContent("[1, 2, 3]", Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Issuer.Mint(AppId, Connector.ServiceUrl, Bot.Clock.GetUtcNow()));

        var response = await Http.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest, "the token is the Bot Framework's; only the body is wrong, and nothing answers it anywhere");
        (await response.Content.ReadAsStringAsync()).Should().Contain("not a Bot Framework activity");
        await NothingHappenedAsync();
    }

    /// <summary>The issue's cases, with a valid token so they reach the parser: each used to be a 500.</summary>
    public static TheoryData<string, string> Malformed() => new()
    {
        { "from as a string", "`from` must be an object" },
        { "conversation as a number", "`conversation` must be an object" },
        { "membersAdded of strings", "`membersAdded` must be an array of objects" },
        { "verb as a number", "`value.action.verb` must be a string" },
        { "value as a string", "`value` must be an object" },
        { "type twice", "names a key twice in one object (`type`)" },
        { "invalid UTF-8 in text", "not valid UTF-8" },
        { "a lone surrogate in serviceUrl", "lone UTF-16 surrogate" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public async Task An_activity_whose_fields_are_not_what_the_schema_says_is_refused_naming_the_field(string fault, string expected)
    {
        var activity = fault is "verb as a number" or "value as a string" ? Press("incident.ack", new JsonObject { ["incident"] = "INC-1", ["version"] = "1" }, AliceAad, "1:1") : Message("incident declare sev1 \"Sneaky\"");
        var token = Token(activity);
        var serviceUrl = (string)activity["serviceUrl"]!;
        var text = activity.ToJsonString();
        byte[] body = fault switch
        {
            "from as a string" => Set(activity, a => a["from"] = "x"),
            "conversation as a number" => Set(activity, a => a["conversation"] = 5),
            "membersAdded of strings" => Set(activity, a => a["membersAdded"] = new JsonArray("x")),
            "verb as a number" => Set(activity, a => a["value"]!["action"]!["verb"] = 5),
            "value as a string" => Set(activity, a => a["value"] = "x"),
            "type twice" => Encoding.UTF8.GetBytes("{\"type\":\"invoke\"," + text[1..]),
            "invalid UTF-8 in text" => [.. Encoding.UTF8.GetBytes(text[..(text.IndexOf("Sneaky"))]), 0xFF, 0xFE, .. Encoding.UTF8.GetBytes(text[text.IndexOf("Sneaky")..])],
            _ => Encoding.UTF8.GetBytes(text.Replace(serviceUrl, serviceUrl + "\\ud800")),
        };
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var response = await Http.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest, fault);
        (await response.Content.ReadAsStringAsync()).Should().Contain(expected).And.NotContain("System.");
        await NothingHappenedAsync();
    }

    private static byte[] Set(JsonObject activity, Action<JsonObject> change)
    {
        change(activity);
        return Encoding.UTF8.GetBytes(activity.ToJsonString());
    }

    [Fact]
    public async Task Someone_unknown_by_AAD_id_is_found_by_the_email_Teams_has_for_them()
    {
        var message = Message("incident declare sev3 \"Docs slow\"", aadObjectId: "99999999-0000-0000-0000-000000000000", fromId: "29:new-alice");
        Connector.AddMember((string)message["conversation"]!["id"]!, "29:new-alice", "Alice Chen", "99999999-0000-0000-0000-000000000000", "alice.chen@example.com");

        await PostAsync(message);

        var reply = await Connector.WaitForAsync(c => c.Path.EndsWith($"/activities/{message["id"]}"));
        CardJson.Facts((JsonObject)reply.Body!["attachments"]![0]!["content"]!).Should().Contain("Incident commander: Alice Chen");
    }
}
