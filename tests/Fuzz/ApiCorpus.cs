using System.Text;
using System.Text.Json.Nodes;
using ExecOps.Bot.Scoreboard;
using ExecOps.Tests.Support;

namespace ExecOps.Tests.Fuzz;

/// <summary>Bad input for the machine-to-machine endpoints, the scoreboard page and report downloads.</summary>
public static class ApiCorpus
{
    public static IEnumerable<FuzzCase> All() =>
        Metrics().Concat(Evidence()).Concat(Contracts()).Concat(Spend()).Concat(Usage()).Concat(ChangeEvents()).Concat(TimelineEvents()).Concat(Integrations()).Concat(Diagnostics()).Concat(Health()).Concat(Scoreboard()).Concat(Reports());

    private static FuzzCase Post(string route, string path, string name, byte[] body, string bearer, bool refused = true, string type = "application/json") =>
        new(route, name, bot => bot.SendAsync(HttpMethod.Post, path, body, type, $"Bearer {bearer}"), refused);

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static IEnumerable<FuzzCase> Metrics()
    {
        const string route = "POST /api/metrics/observations";
        FuzzCase Send(string name, byte[] body, bool refused = true, string type = "application/json") => Post(route, "/api/metrics/observations", name, body, BotFactory.MetricsToken, refused, type);

        var batch = new JsonObject { ["observations"] = new JsonArray(new JsonObject { ["kpi"] = "uptime", ["period"] = "2026-W47", ["value"] = 99.95, ["team"] = "payments" }) };
        foreach (var m in JsonMutations.Of(batch)) yield return Send(m.Name, m.Body, refused: false);
        yield return Send("observations twice", Utf8("""{"observations":[],"observations":[]}"""));
        foreach (var (name, row) in new (string, string)[]
        {
            ("a day far in the future", """{"kpi":"uptime","period":"9999-12-31","value":99.9,"team":"payments"}"""),
            ("a day before any history", """{"kpi":"uptime","period":"1900-01-01","value":99.9,"team":"payments"}"""),
            ("a week far in the future", """{"kpi":"uptime","period":"9999-W52","value":99.9,"team":"payments"}"""),
            ("uptime of -500%", """{"kpi":"uptime","period":"2026-W47","value":-500,"team":"payments"}"""),
            ("uptime over 100%", """{"kpi":"uptime","period":"2026-W47","value":250,"team":"payments"}"""),
            ("a value past decimal", """{"kpi":"uptime","period":"2026-W47","value":1e400,"team":"payments"}"""),
            ("a value of 29 digits", """{"kpi":"uptime","period":"2026-W47","value":79228162514264337593543950335,"team":"payments"}"""),
            ("an instant in 9999", """{"kpi":"uptime","period":"2026-W47","at":"9999-12-31T00:00:00Z","value":99.9,"team":"payments"}"""),
            ("a team name of 10k characters", $$"""{"kpi":"uptime","period":"2026-W47","value":99.9,"team":"{{new string('t', 10_000)}}"}"""),
        })
            yield return Send(name, Utf8($$"""{"observations":[{{row}}]}"""));
        yield return Send("CSV, not UTF-8", [.. Utf8("kpi,period,value,team\nuptime,2026-W47,"), 0xFF, 0xFE, .. Utf8(",payments\n")], type: "text/csv");
        yield return Send("CSV, a day far in the future", Utf8("kpi,period,value,team\nuptime,9999-12-31,99.9,payments\n"), type: "text/csv");
        yield return Send("CSV, only a header", Utf8("kpi,period,value,team\n"), type: "text/csv");
        yield return Send("CSV, unbalanced quote", Utf8("kpi,period,value,team\n\"uptime,2026-W47,99.9,payments\n"), type: "text/csv");
        yield return Send("as text/plain", Utf8(batch.ToJsonString()), type: "text/plain");
    }

    private static IEnumerable<FuzzCase> Evidence()
    {
        const string route = "POST /api/evidence";
        FuzzCase Send(string name, byte[] body, bool refused = true, string type = "application/json") => Post(route, "/api/evidence", name, body, BotFactory.EvidenceToken, refused, type);

        var batch = new JsonObject { ["evidence"] = new JsonArray(new JsonObject { ["control"] = "CTRL-3", ["content"] = "https://wiki.example.com/access-review", ["reference"] = "q4" }) };
        foreach (var m in JsonMutations.Of(batch)) yield return Send(m.Name, m.Body, refused: false);
        foreach (var (name, row) in new (string, string)[]
        {
            ("an unknown control", """{"control":"CTRL-999","content":"x"}"""),
            ("a control id of 300 digits", $$"""{"control":"CTRL-{{new string('9', 300)}}","content":"x"}"""),
            ("a kind the control does not need", """{"control":"CTRL-3","kind":"restore-test","content":"x"}"""),
            ("no kind for a control that needs two", """{"control":"CTRL-6","content":"x"}"""),
            ("empty content", """{"control":"CTRL-3","content":"   "}"""),
            ("content of 10k characters", $$"""{"control":"CTRL-3","content":"{{new string('c', 10_000)}}"}"""),
            ("an instant in 9999", """{"control":"CTRL-3","content":"x","at":"9999-12-31T00:00:00Z"}"""),
            ("an instant in 1900", """{"control":"CTRL-3","content":"x","at":"1900-01-01T00:00:00Z"}"""),
            ("a sender not in the directory", """{"control":"CTRL-3","content":"x","by":"mallory"}"""),
            ("a reference of 500 characters", $$"""{"control":"CTRL-3","content":"x","reference":"{{new string('r', 500)}}"}"""),
        })
            yield return Send(name, Utf8($$"""{"evidence":[{{row}}]}"""));
        yield return Send("an empty batch", Utf8("""{"evidence":[]}"""));
        yield return Send("the same item twice", Utf8("""{"evidence":[{"control":"CTRL-3","content":"x","reference":"a"},{"control":"CTRL-3","content":"y","reference":"a"}]}"""));
        yield return Send("CSV, not UTF-8", [.. Utf8("control,content\nCTRL-3,"), 0xFF, 0xFE, .. Utf8("\n")], type: "text/csv");
        yield return Send("CSV, an unknown column", Utf8("control,content,colour\nCTRL-3,x,red\n"), type: "text/csv");
        yield return Send("CSV, a short row", Utf8("control,kind,content\nCTRL-3,access-review\n"), type: "text/csv");
        yield return Send("CSV, only a header", Utf8("control,content\n"), type: "text/csv");
        yield return Send("CSV, unbalanced quote", Utf8("control,content\n\"CTRL-3,x\n"), type: "text/csv");
    }

    private static IEnumerable<FuzzCase> Contracts()
    {
        const string route = "POST /api/contracts";
        FuzzCase Send(string name, byte[] body, bool refused = true, string type = "application/json") => Post(route, "/api/contracts", name, body, BotFactory.ContractsToken, refused, type);

        var contract = new JsonObject
        {
            ["reference"] = "MSA-1", ["customer"] = "ACME", ["tier"] = "enterprise", ["start"] = "2026-01-01", ["end"] = "2027-06-30", ["notice_days"] = 90, ["owner"] = "dana",
            ["services"] = new JsonArray("payments"), ["promises"] = new JsonArray(new JsonObject { ["kind"] = "uptime", ["value"] = "99.9", ["enforced_by"] = "kpi:uptime" }),
        };
        foreach (var m in JsonMutations.Of(new JsonObject { ["contracts"] = new JsonArray(contract) })) yield return Send(m.Name, m.Body, refused: false);
        foreach (var (name, change) in new (string, Action<JsonObject>)[]
        {
            ("a promise nothing enforces", c => c["promises"] = new JsonArray(new JsonObject { ["kind"] = "uptime", ["value"] = "99.9" })),
            ("an unknown KPI", c => c["promises"]![0]!["enforced_by"] = "kpi:happiness"),
            ("an unknown setting", c => c["promises"]![0]!["enforced_by"] = "setting:Nowhere:Key"),
            ("uptime of 250%", c => c["promises"]![0]!["value"] = "250"),
            ("an end before the start", c => c["end"] = "2025-01-01"),
            ("an end in 9999", c => c["end"] = "9999-12-31"),
            ("notice of a million days", c => c["notice_days"] = 1_000_000),
            ("an owner not in the directory", c => c["owner"] = "mallory"),
            ("a gap owned by nobody", c => c["promises"] = new JsonArray(new JsonObject { ["kind"] = "residency", ["value"] = "eu", ["gap_due"] = "2027-01-01" })),
            ("a reference of 10k characters", c => c["reference"] = new string('r', 10_000)),
        })
        {
            var bad = (JsonObject)contract.DeepClone();
            change(bad);
            yield return Send(name, Utf8(new JsonObject { ["contracts"] = new JsonArray(bad) }.ToJsonString()));
        }
        yield return Send("an empty import", Utf8("""{"contracts":[]}"""));
        yield return Send("CSV, an unknown column", Utf8("reference,customer,colour\nMSA-1,ACME,red\n"), type: "text/csv");
        yield return Send("CSV, a short row", Utf8("reference,customer,tier\nMSA-1,ACME\n"), type: "text/csv");
        yield return Send("CSV, not UTF-8", [.. Utf8("reference,customer\nMSA-1,"), 0xFF, 0xFE, .. Utf8("\n")], type: "text/csv");
    }

    private static IEnumerable<FuzzCase> Spend()
    {
        const string route = "POST /api/spend";
        FuzzCase Send(string name, byte[] body, bool refused = true, string type = "application/json") => Post(route, "/api/spend", name, body, BotFactory.SpendToken, refused, type);

        var batch = new JsonObject { ["spend"] = new JsonArray(new JsonObject { ["day"] = "2026-11-01", ["amount"] = 12.5, ["provider"] = "aws", ["service"] = "payments" }) };
        foreach (var m in JsonMutations.Of(batch)) yield return Send(m.Name, m.Body, refused: false);
        foreach (var (name, row) in new (string, string)[]
        {
            ("a day far in the future", """{"day":"9999-12-31","amount":1,"provider":"aws"}"""),
            ("an amount past decimal", """{"day":"2026-11-01","amount":1e400,"provider":"aws"}"""),
            ("an amount of 29 digits", """{"day":"2026-11-01","amount":79228162514264337593543950335,"provider":"aws"}"""),
            ("a provider of 10k characters", $$"""{"day":"2026-11-01","amount":1,"provider":"{{new string('p', 10_000)}}"}"""),
            ("an expiry in 9999", """{"day":"2026-11-01","amount":1,"provider":"aws","expires":"9999-12-31"}"""),
        })
            yield return Send(name, Utf8($$"""{"spend":[{{row}}]}"""));
        yield return Send("the same line twice", Utf8("""{"spend":[{"day":"2026-11-01","amount":1,"provider":"aws"},{"day":"2026-11-01","amount":2,"provider":"aws"}]}"""));
        yield return Send("an empty batch", Utf8("""{"spend":[]}"""));
        yield return Send("CSV, an unknown column", Utf8("day,amount,colour\n2026-11-01,1,red\n"), type: "text/csv");
        yield return Send("CSV, not UTF-8", [.. Utf8("day,amount,provider\n2026-11-01,1,"), 0xFF, 0xFE, .. Utf8("\n")], type: "text/csv");
    }

    private static IEnumerable<FuzzCase> Usage()
    {
        const string route = "POST /api/spend/usage";
        FuzzCase Send(string name, byte[] body, bool refused = true, string type = "application/json") => Post(route, "/api/spend/usage", name, body, BotFactory.SpendToken, refused, type);

        foreach (var m in JsonMutations.Of(new JsonObject { ["usage"] = new JsonArray(new JsonObject { ["day"] = "2026-11-01", ["metric"] = "requests", ["value"] = 1500000 }) }))
            yield return Send(m.Name, m.Body, refused: false);
        foreach (var (name, row) in new (string, string)[]
        {
            ("a negative count", """{"day":"2026-11-01","metric":"requests","value":-1}"""),
            ("a count past decimal", """{"day":"2026-11-01","metric":"requests","value":1e400}"""),
            ("a metric of 10k characters", $$"""{"day":"2026-11-01","metric":"{{new string('m', 10_000)}}","value":1}"""),
            ("a day far in the future", """{"day":"9999-12-31","metric":"requests","value":1}"""),
        })
            yield return Send(name, Utf8($$"""{"usage":[{{row}}]}"""));
        yield return Send("the same day twice", Utf8("""{"usage":[{"day":"2026-11-01","metric":"requests","value":1},{"day":"2026-11-01","metric":"requests","value":2}]}"""));
        yield return Send("an empty batch", Utf8("""{"usage":[]}"""));
        yield return Send("CSV, a short row", Utf8("day,metric,value\n2026-11-01,requests\n"), type: "text/csv");
    }

    private static IEnumerable<FuzzCase> ChangeEvents()
    {
        const string route = "POST /api/changes/{id}/events";
        FuzzCase Send(string name, string id, byte[] body, bool refused = true) => Post(route, $"/api/changes/{id}/events", name, body, BotFactory.ChangeEventsToken, refused);

        foreach (var m in JsonMutations.Of(new JsonObject { ["kind"] = "stage", ["at"] = "2026-11-20T22:05:00Z", ["percent"] = 10 })) yield return Send(m.Name, "CHG-404", m.Body, refused: false);
        yield return Send("kind twice", "CHG-404", Utf8("""{"kind":"stage","kind":"completed"}"""));
        foreach (var id in new[] { "%01", "%ED%A0%80", new string('9', 300), "CHG-99999999999999999999", "..%2F..", "CHG-1%20OR%201=1" })
            yield return Send($"id {(id.Length > 30 ? id[..30] + "…" : id)}", id, Utf8("""{"kind":"completed"}"""));
    }

    private static IEnumerable<FuzzCase> TimelineEvents()
    {
        const string route = "POST /api/timeline-events";
        FuzzCase Send(string name, byte[] body, bool refused = true) => Post(route, "/api/timeline-events", name, body, BotFactory.TimelineToken, refused);

        var good = new JsonObject { ["kind"] = "alert", ["service"] = "nowhere", ["summary"] = "p95 over 800 ms", ["at"] = "2026-11-20T22:05:00Z", ["source"] = "prometheus" };
        foreach (var m in JsonMutations.Of(good)) yield return Send(m.Name, m.Body, refused: false);
        yield return Send("dated 1970", Utf8("""{"kind":"deploy","service":"payments","summary":"v1","at":"1970-01-01T00:00:00Z"}"""));
        yield return Send("dated 2099", Utf8("""{"kind":"deploy","service":"payments","summary":"v1","at":"2099-01-01T00:00:00Z"}"""));
        yield return Send("a summary of 2 MB", Utf8($$"""{"kind":"deploy","service":"payments","summary":"{{new string('s', 2_000_000)}}"}"""));
        yield return Send("a summary of 20k characters", Utf8($$"""{"kind":"deploy","service":"payments","summary":"{{new string('s', 20_000)}}"}"""));
        yield return Send("a service of 5k characters", Utf8($$"""{"kind":"deploy","service":"{{new string('p', 5_000)}}","summary":"v1"}"""));
        yield return new(route, "with an Idempotency-Key of 5k characters", bot =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/timeline-events") { Content = new ByteArrayContent(Utf8("""{"kind":"alert","service":"nowhere","summary":"x"}""")) };
            request.Content.Headers.ContentType = new("application/json");
            request.Headers.TryAddWithoutValidation("Authorization", $"Bearer {BotFactory.TimelineToken}");
            request.Headers.TryAddWithoutValidation("Idempotency-Key", new string('k', 5000));
            return bot.Http.SendAsync(request);
        });
    }

    /// <summary>The providers' webhooks: well signed but malformed, and malformed in their signing.</summary>
    private static IEnumerable<FuzzCase> Integrations()
    {
        static FuzzCase Deliver(string route, string name, byte[] body, Action<HttpRequestMessage> sign, bool refused = true) => new(route, name, bot =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, route["POST ".Length..]) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new("application/json");
            sign(request);
            return bot.Http.SendAsync(request);
        }, refused);
        static string Hmac(string secret, byte[] body) => Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

        const string alertmanager = "POST /api/integrations/alertmanager";
        void Bearer(HttpRequestMessage r) => r.Headers.TryAddWithoutValidation("Authorization", $"Bearer {IntegrationDeliveries.AlertmanagerToken}");
        var group = JsonNode.Parse(SharedExternal.Read("alertmanager/alertmanager-gateway.docs-example.firing.json"))!.AsObject();
        foreach (var m in JsonMutations.Of(group)) yield return Deliver(alertmanager, m.Name, m.Body, Bearer, refused: false);
        yield return Deliver(alertmanager, "no token", Utf8(group.ToJsonString()), _ => { });
        yield return Deliver(alertmanager, "a token of 8k characters", Utf8(group.ToJsonString()), r => r.Headers.TryAddWithoutValidation("Authorization", "Bearer " + new string('t', 8192)));
        yield return Deliver(alertmanager, "an alert pending", Utf8("""{"version":"4","alerts":[{"status":"pending","labels":{"service":"payments"}}]}"""), Bearer);
        yield return Deliver(alertmanager, "a summary of 50k characters", Utf8($$"""{"version":"4","alerts":[{"status":"firing","labels":{"service":"payments"},"annotations":{"summary":"{{new string('s', 50_000)}}"},"startsAt":"2026-11-01T00:00:00Z"}]}"""), Bearer, refused: false);
        yield return Deliver(alertmanager, "startsAt of year 1", Utf8("""{"version":"4","alerts":[{"status":"firing","labels":{"service":"payments"},"startsAt":"0001-01-01T00:00:00Z"}]}"""), Bearer, refused: false);
        yield return Deliver(alertmanager, "junk bytes", [0xFF, 0xFE, 0x00], Bearer);

        const string github = "POST /api/integrations/github";
        Action<HttpRequestMessage> GitHub(byte[] body, string @event = "deployment_status", string delivery = "fuzz-1") => r =>
        {
            r.Headers.TryAddWithoutValidation("X-GitHub-Event", @event);
            r.Headers.TryAddWithoutValidation("X-GitHub-Delivery", delivery);
            r.Headers.TryAddWithoutValidation("X-Hub-Signature-256", $"sha256={Hmac(IntegrationDeliveries.GitHubSecret, body)}");
        };
        var deployment = JsonNode.Parse(SharedExternal.Read("github-webhooks/deployment_status.created.payload.json"))!.AsObject();
        foreach (var m in JsonMutations.Of(deployment)) yield return Deliver(github, m.Name, m.Body, GitHub(m.Body, delivery: $"fuzz-{m.Name.GetHashCode():x}"), refused: false);
        var sample = Utf8(deployment.ToJsonString());
        yield return Deliver(github, "a signature of junk", sample, r => { GitHub(sample)(r); r.Headers.Remove("X-Hub-Signature-256"); r.Headers.TryAddWithoutValidation("X-Hub-Signature-256", "sha256=zz" + new string('0', 62)); });
        yield return Deliver(github, "a signature of 8k characters", sample, r => { GitHub(sample)(r); r.Headers.Remove("X-Hub-Signature-256"); r.Headers.TryAddWithoutValidation("X-Hub-Signature-256", "sha256=" + new string('a', 8192)); });
        yield return Deliver(github, "a delivery id of 5k characters", sample, GitHub(sample, delivery: new string('d', 5000)));
        yield return Deliver(github, "no event header", sample, GitHub(sample, @event: ""));
        var junk = new byte[] { 0xFF, 0xFE, 0x00 };
        yield return Deliver(github, "signed junk bytes", junk, GitHub(junk));
        var description = Utf8(IntegrationDeliveries.With(deployment.ToJsonString(), d => d["deployment"]!["description"] = $"CHG-{new string('9', 400)}"));
        yield return Deliver(github, "a change id of 400 digits", description, GitHub(description, delivery: "fuzz-long-change"), refused: false);

        const string pagerDuty = "POST /api/integrations/pagerduty";
        Action<HttpRequestMessage> PagerDuty(byte[] body) => r => r.Headers.TryAddWithoutValidation("X-PagerDuty-Signature", $"v1={Hmac(IntegrationDeliveries.PagerDutySecret, body)}");
        var triggered = JsonNode.Parse(SharedExternal.Read("pagerduty/incident.triggered.zulip.json"))!.AsObject();
        foreach (var m in JsonMutations.Of(triggered)) yield return Deliver(pagerDuty, m.Name, m.Body, PagerDuty(m.Body), refused: false);
        var page = Utf8(triggered.ToJsonString());
        yield return Deliver(pagerDuty, "signatures of junk", page, r => r.Headers.TryAddWithoutValidation("X-PagerDuty-Signature", "v1=, v1=xyz,,v2=" + new string('a', 64)));
        yield return Deliver(pagerDuty, "10k signatures", page, r => r.Headers.TryAddWithoutValidation("X-PagerDuty-Signature", string.Join(",", Enumerable.Repeat("v1=" + new string('0', 64), 10_000))));
        yield return Deliver(pagerDuty, "signed junk bytes", junk, PagerDuty(junk));
        var priority = Utf8(IntegrationDeliveries.With(triggered.ToJsonString(), d => d["event"]!["data"]!["priority"] = new JsonObject { ["summary"] = "P0" }));
        yield return Deliver(pagerDuty, "a priority P0", priority, PagerDuty(priority), refused: false);
    }

    private static IEnumerable<FuzzCase> Diagnostics()
    {
        const string route = "POST /api/diagnostics/memory";
        foreach (var bearer in new[] { "Bearer", "Bearer a.b.c", "Basic x", "Bearer " + new string('x', 8192), $"Bearer {FuzzBot.DiagnosticsToken}x" })
            yield return new(route, $"Authorization: {bearer[..Math.Min(bearer.Length, 20)]}", bot => bot.SendAsync(HttpMethod.Post, "/api/diagnostics/memory", Utf8("{"), "application/json", bearer));
        yield return new(route, "a body of junk with the token", bot => bot.SendAsync(HttpMethod.Post, "/api/diagnostics/memory", [0xFF, 0x00], "application/json", $"Bearer {FuzzBot.DiagnosticsToken}"));
    }

    private static IEnumerable<FuzzCase> Health()
    {
        yield return new("GET /healthz", "a query of junk", bot => bot.SendAsync(HttpMethod.Get, "/healthz?%FF=%00&deep=" + new string('y', 4000)));
    }

    /// <summary>The week, slice and segment a scoreboard view reads from its query, and the passes that sign it in.</summary>
    public static IEnumerable<string> ViewQueries() =>
    [
        "week=9999-W99", "week=0001-W01", "week=2026-W00", "week=2026-W54", "week=x", "week=2026-W47&week=2026-W48",
        "domain=%00", "domain=" + new string('d', 3000), "service=%ED%A0%80", "team=..%2F..", "region=<script>", "icp=%FF",
        "size=" + new string('s', 3000), "segment=a&segment=b&segment=c", "%FF=%FE",
    ];

    private static IEnumerable<FuzzCase> Scoreboard()
    {
        foreach (var pass in new[] { "", "x", "a.b.c", new string('p', 5000), "%00", "%ED%A0%80" })
            yield return new("GET /scoreboard/open", $"pass {(pass.Length > 20 ? pass[..20] + "…" : pass)}", bot => bot.SendAsync(HttpMethod.Get, $"/scoreboard/open?pass={pass}"));
        yield return new("GET /scoreboard/open", "a report's pass", bot => bot.SendAsync(HttpMethod.Get, $"/scoreboard/open?pass={Uri.EscapeDataString(bot.Pass("ceo", PassPurpose.ReportLink, "board-packet-2026-10"))}"));
        yield return new("GET /scoreboard", "a link's pass as the session", bot => bot.SendAsync(HttpMethod.Get, "/scoreboard", cookie: $"{ScoreboardPage.SessionCookie}={Uri.EscapeDataString(bot.Pass("ceo"))}"));
        yield return new("GET /scoreboard/open", "a pass for someone not in the directory", bot => bot.SendAsync(HttpMethod.Get, $"/scoreboard/open?pass={Uri.EscapeDataString(bot.Pass("mallory"))}"));
        foreach (var cookie in new[] { "x", "a.b.c", new string('c', 3000), "%FF" })
            yield return new("GET /scoreboard", $"session {cookie[..Math.Min(cookie.Length, 20)]}", bot => bot.SendAsync(HttpMethod.Get, "/scoreboard", cookie: $"{ScoreboardPage.SessionCookie}={cookie}"));
        foreach (var path in new[] { "/scoreboard/data", "/scoreboard/export.csv" })
            foreach (var query in ViewQueries())
                yield return new($"GET {path}", $"?{(query.Length > 40 ? query[..40] + "…" : query)}", async bot => await bot.SendAsync(HttpMethod.Get, $"{path}?{query}", cookie: await bot.SessionAsync()));
    }

    private static IEnumerable<FuzzCase> Reports()
    {
        const string route = "GET /reports/{id}/{file}";
        foreach (var (id, file) in new[] { ("RPT-1", "x.md"), ("%01", "%7F"), ("..", "..%2F..%2Fetc%2Fpasswd"), (new string('r', 3000), "f"), ("RPT-99999999999999999999", "board.md"), ("%ED%A0%80", "x") })
        {
            yield return new(route, $"{(id.Length > 20 ? id[..20] : id)}/{file} with a valid pass", bot => bot.SendAsync(HttpMethod.Get, $"/reports/{id}/{file}?pass={Uri.EscapeDataString(bot.Pass("ceo", PassPurpose.ReportLink, id))}"));
            yield return new(route, $"{(id.Length > 20 ? id[..20] : id)}/{file} with a broken pass", bot => bot.SendAsync(HttpMethod.Get, $"/reports/{id}/{file}?pass=a.b"));
        }
    }
}
