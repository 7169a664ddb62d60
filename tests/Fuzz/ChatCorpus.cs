using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using ExecOps.Tests.Support;

namespace ExecOps.Tests.Fuzz;

/// <summary>Bad input for the chat doors: Slack's three request URLs, the Teams messaging endpoint and the Playground.</summary>
public static class ChatCorpus
{
    public static IEnumerable<FuzzCase> All() =>
        SlackCommands().Concat(SlackInteractions()).Concat(SlackEvents()).Concat(Teams()).Concat(Playground());

    private static JsonObject Recorded(string path) => (JsonObject)JsonNode.Parse(SharedExternal.Read(path))!;

    private static string Form(Dictionary<string, string> fields) =>
        string.Join("&", fields.Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value)}"));

    private static Dictionary<string, string> Command(string command, string text) => new()
    {
        ["team_id"] = "T0EXECOPS", ["channel_id"] = "C0GENERAL", ["user_id"] = FuzzBot.SlackCeo, ["command"] = command, ["text"] = text,
        ["response_url"] = "http://127.0.0.1:9/response", ["trigger_id"] = Guid.NewGuid().ToString("N"),
    };

    private static IEnumerable<FuzzCase> SlackCommands()
    {
        const string route = "POST /api/slack/commands";
        FuzzCase Raw(string name, Func<byte[]> body) =>
            new(route, name, bot => bot.SlackRequests.SendAsync("/api/slack/commands", body(), "application/x-www-form-urlencoded"));
        FuzzCase Fields(string name, Func<Dictionary<string, string>, Dictionary<string, string>> change, bool refused = true) =>
            Raw(name, () => Encoding.UTF8.GetBytes(Form(change(Command("/incident", "declare sev2 \"x\""))))) with { Refused = refused };

        yield return Raw("empty body", () => []);
        yield return Raw("not a form", () => "{\"command\":\"/incident\"}"u8.ToArray());
        yield return Raw("bad percent escapes", () => "command=%2Fincident&text=%ZZ%&user_id=%FF%FE"u8.ToArray());
        yield return Raw("invalid UTF-8 bytes", () => [.. "command=/incident&text=declare sev2 \""u8.ToArray(), 0xFF, 0xC0, (byte)'"', .. "&user_id=U1"u8.ToArray()]);
        yield return Fields("no command", f => { f.Remove("command"); return f; });
        yield return Fields("no user", f => { f.Remove("user_id"); return f; });
        yield return Fields("no text", f => { f.Remove("text"); return f; });
        yield return Fields("a command we do not have", f => { f["command"] = "/nonesuch"; return f; });
        yield return Fields("a command without its slash", f => { f["command"] = "incident"; return f; });
        yield return Fields("text of 100k characters", f => { f["text"] = "declare sev2 \"" + new string('x', 100_000) + "\""; return f; });
        yield return Fields("a response_url that is not a URL", f => { f["response_url"] = "not a url"; return f; });
        yield return Fields("a response_url to a file", f => { f["response_url"] = "file:///etc/passwd"; return f; });
        // Form encoding carries UTF-8, so a lone surrogate arrives as U+FFFD: a title like any other.
        yield return Fields("a lone surrogate in the text", f => { f["text"] = "declare sev2 \"\ud800\""; return f; }, refused: false);
        yield return Fields("an unbalanced quote", f => { f["text"] = "declare sev2 \"never closed"; return f; });
        foreach (var text in BadCommands.All)
        {
            var space = text.IndexOf(' ');
            var (command, rest) = space < 0 ? (text, "") : (text[..space], text[(space + 1)..]);
            yield return Raw(text, () => Encoding.UTF8.GetBytes(Form(Command(command, rest))));
        }
    }

    private static IEnumerable<FuzzCase> SlackInteractions()
    {
        const string route = "POST /api/slack/interactions";
        FuzzCase Payload(string name, byte[] payload) =>
            new(route, name, bot => bot.SlackRequests.SendAsync("/api/slack/interactions",
                [.. "payload="u8.ToArray(), .. Encoding.ASCII.GetBytes(string.Concat(payload.Select(b => $"%{b:X2}")))], "application/x-www-form-urlencoded"), Refused: false);

        yield return new(route, "no payload field", bot => bot.SlackRequests.PostFormAsync("/api/slack/interactions", new() { ["other"] = "x" }));
        var press = (JsonObject)JsonNode.Parse(Uri.UnescapeDataString(SharedExternal.Read("slack/block-actions.form.txt").Trim()["payload=".Length..]))!;
        foreach (var m in JsonMutations.Of(press)) yield return Payload($"block_actions: {m.Name}", m.Body);
        // Our own button, pressed with data that does not hold: the value is JSON inside a JSON string.
        foreach (var value in ButtonValues())
        {
            var ours = (JsonObject)press.DeepClone();
            ours["actions"]![0]!["action_id"] = "incident.investigate";
            ours["actions"]![0]!["value"] = value;
            yield return Payload($"our button with value {value}", Encoding.UTF8.GetBytes(ours.ToJsonString()));
        }
        foreach (var m in JsonMutations.Of(Recorded("slack/view-submission.json"))) yield return Payload($"view_submission: {m.Name}", m.Body);
    }

    /// <summary>Values our buttons never carry: stale or missing versions, ids of nothing, broken JSON in the string.</summary>
    public static IEnumerable<string> ButtonValues() =>
    [
        "", "x", "[]", "{", "null", "{\"incident\":\"INC-1\"}", "{\"incident\":\"INC-1\",\"version\":\"abc\"}", "{\"incident\":\"INC-1\",\"version\":\"-1\"}",
        "{\"incident\":\"INC-1\",\"version\":\"99999999999999999999999\"}", "{\"incident\":\"INC-999999\",\"version\":\"1\"}", "{\"incident\":5,\"version\":1}",
        "{\"incident\":\"\\ud800\",\"version\":\"1\"}", "{\"incident\":\"INC-1\",\"incident\":\"INC-2\",\"version\":\"1\"}",
    ];

    private static IEnumerable<FuzzCase> SlackEvents()
    {
        const string route = "POST /api/slack/events";
        foreach (var file in new[] { "event-callback-app-mention.json", "event-callback-message.json", "url-verification.json" })
            foreach (var m in JsonMutations.Of(Recorded($"slack/{file}")))
                yield return new(route, $"{file}: {m.Name}", bot => bot.SlackRequests.SendAsync("/api/slack/events", m.Body, "application/json"), Refused: false);
    }

    private static IEnumerable<FuzzCase> Teams()
    {
        const string route = "POST /api/messages";
        FuzzCase Bearer(string name, string header) =>
            new(route, $"Authorization: {name}", bot => bot.SendAsync(HttpMethod.Post, "/api/messages", Encoding.UTF8.GetBytes(TeamsMessage(bot).ToJsonString()), "application/json", header));

        yield return Bearer("Bearer a.b.c", "Bearer a.b.c");
        yield return Bearer("Bearer with nothing", "Bearer ");
        yield return Bearer("Bearer of garbage", "Bearer \u00e9\u00e9.\u00e9.\u00e9");
        yield return Bearer("Bearer of base64 that is not JSON", "Bearer eyJhbGciOiJub25lIn0.bm90IGpzb24.c2ln");
        yield return Bearer("Basic", "Basic dXNlcjpwYXNz");
        yield return Bearer("8 KB of junk", "Bearer " + new string('a', 8192));
        foreach (var (file, prepare) in new (string, Action<JsonObject>)[]
        {
            ("message-channel-mention.json", a => a["text"] = "<at>ridotest</at> help"),
            ("invoke-adaptiveCard-action.json", _ => { }),
            ("conversationUpdate-bot-added-to-team.json", _ => { }),
        })
        {
            var sample = Recorded($"teams/{file}");
            prepare(sample);
            foreach (var m in JsonMutations.Of(sample))
                yield return new(route, $"{file}: {m.Name}", bot => PostTeamsAsync(bot, m.Body), Refused: false);
        }
    }

    /// <summary>The recorded channel message, pointed at the fake Connector.</summary>
    private static JsonObject TeamsMessage(FuzzBot bot)
    {
        var message = Recorded("teams/message-channel-mention.json");
        message["serviceUrl"] = bot.Connector.ServiceUrl;
        message["text"] = "<at>ridotest</at> help";
        return message;
    }

    /// <summary>Posts an activity with a valid token; the recorded serviceUrl, wherever it survived the mutation, points at the fake Connector.</summary>
    private static Task<HttpResponseMessage> PostTeamsAsync(FuzzBot bot, byte[] body)
    {
        var recorded = "https://smba.trafficmanager.net/amer/50612dbb-0237-4969-b378-8d42590f9c00/"u8.ToArray();
        var pointed = Replace(body, recorded, Encoding.UTF8.GetBytes(bot.Connector.ServiceUrl));
        var token = bot.Issuer.Mint(TeamsBotTest.AppId, bot.Connector.ServiceUrl, bot.Bot.Clock.GetUtcNow());
        return bot.SendAsync(HttpMethod.Post, "/api/messages", pointed, "application/json", $"Bearer {token}");
    }

    private static byte[] Replace(byte[] body, byte[] find, byte[] with)
    {
        var at = body.AsSpan().IndexOf(find);
        return at < 0 ? body : [.. body[..at], .. with, .. Replace(body[(at + find.Length)..], find, with)];
    }

    private static IEnumerable<FuzzCase> Playground()
    {
        const string token = $"Bearer {BotFactory.PlaygroundToken}";
        FuzzCase Post(string route, string name, byte[] body, bool refused = true, string type = "application/json") =>
            new(route, name, bot => bot.SendAsync(HttpMethod.Post, route["POST ".Length..], body, type, token), refused);

        const string commands = "POST /api/playground/commands";
        foreach (var m in JsonMutations.Of(new JsonObject { ["as"] = BadCommands.As, ["text"] = "/help" })) yield return Post(commands, m.Name, m.Body, refused: false);
        yield return Post(commands, "as text/plain", "{\"as\":\"ceo\",\"text\":\"/help\"}"u8.ToArray(), type: "text/plain");
        yield return Post(commands, "as nobody we know", "{\"as\":\"\\u0000\",\"text\":\"/incident declare sev1 \\\"x\\\"\"}"u8.ToArray());
        foreach (var text in BadCommands.All)
            yield return Post(commands, text, Encoding.UTF8.GetBytes(new JsonObject { ["as"] = BadCommands.As, ["text"] = text }.ToJsonString()));

        const string actions = "POST /api/playground/actions";
        var press = new JsonObject { ["as"] = BadCommands.As, ["messageId"] = "m1", ["actionId"] = "risk.review.accept", ["data"] = new JsonObject { ["risk"] = "RISK-1", ["version"] = "1" } };
        foreach (var m in JsonMutations.Of(press)) yield return Post(actions, m.Name, m.Body, refused: false);
        foreach (var (verb, data) in StalePresses())
            yield return Post(actions, $"{verb} with {data.ToJsonString()}", Encoding.UTF8.GetBytes(new JsonObject { ["as"] = BadCommands.As, ["messageId"] = "m1", ["actionId"] = verb, ["data"] = data }.ToJsonString()));

        yield return new("GET /api/playground/people", "a query of junk", bot => bot.SendAsync(HttpMethod.Get, "/api/playground/people?%FF=%00&x=" + new string('y', 4000), bearer: token));
        foreach (var to in new[] { "", "%00", "%23", "%FF%FE", new string('z', 5000), "..%2F..%2Fetc", "%ED%A0%80" })
            yield return new("GET /api/playground/messages", $"?to={(to.Length > 40 ? to[..40] + "…" : to)}", bot => bot.SendAsync(HttpMethod.Get, $"/api/playground/messages?to={to}", bearer: token));
        // Acting as the CEO is what the token keeps from whoever else can reach the port.
        var breakGlass = Encoding.UTF8.GetBytes("""{"as":"ceo","text":"/breakglass service:payments reason:\"x\" duration:1h"}""");
        foreach (var bearer in new[] { "", "Bearer", "Bearer wrong", $"Basic {BotFactory.PlaygroundToken}", $"Bearer {BotFactory.PlaygroundToken}x", "Bearer " + new string('t', 8192) })
            yield return new(commands, $"Authorization: {(bearer.Length > 30 ? bearer[..30] + "…" : bearer)}",
                bot => bot.SendAsync(HttpMethod.Post, "/api/playground/commands", breakGlass, "application/json", bearer.Length == 0 ? null : bearer));
    }

    /// <summary>A press of each area's buttons with a version that is missing, not a number, or negative: each is refused as stale.</summary>
    private static IEnumerable<(string Verb, JsonObject Data)> StalePresses()
    {
        foreach (var (verb, key, id) in new[] { ("incident.investigate", "incident", "INC-1"), ("change.approve", "change", "CHG-1"), ("risk.review.accept", "risk", "RISK-1"), ("decision.approve", "decision", "DEC-2026-12-01-01"), ("kpi.change.approve", "change", "KPI-CHG-1") })
            foreach (var version in new JsonNode?[] { null, "abc", "-1", "1.5", "" })
            {
                var data = new JsonObject { [key] = id };
                if (version is not null) data["version"] = version;
                yield return (verb, data);
            }
    }
}
