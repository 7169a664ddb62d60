using System.Net;
using System.Text.Json.Nodes;
using ExecOps.Tests.Support;
using static ExecOps.Tests.Support.IntegrationDeliveries;

namespace ExecOps.Tests.Bot.Integrations;

/// <summary>
/// The providers' own signature vectors (tests/external/github-webhooks and pagerduty/signature-vectors.json), each
/// against a bot holding that vector's secret: every valid one accepted, every invalid one a 401 that changes nothing.
/// </summary>
public sealed class SignatureVectorTests
{
    private static JsonObject Vector(string file, string id) =>
        JsonNode.Parse(SharedExternal.Read(file))!["vectors"]!.AsArray().Single(v => (string?)v!["id"] == id)!.AsObject();

    public static TheoryData<string> GitHubVectors() => [.. Ids("github-webhooks/signature-vectors.json")];

    public static TheoryData<string> PagerDutyVectors() => [.. Ids("pagerduty/signature-vectors.json")];

    private static IEnumerable<string> Ids(string file) => JsonNode.Parse(SharedExternal.Read(file))!["vectors"]!.AsArray().Select(v => (string)v!["id"]!);

    private static BotFactory BotWith(TempDatabase database, string key, string secret) =>
        new(database, settings: IntegrationDeliveries.Settings(new() { [key] = secret }));

    [Theory]
    [MemberData(nameof(GitHubVectors))]
    public async Task A_GitHub_vector_is_accepted_exactly_when_it_is_valid(string id)
    {
        var vector = Vector("github-webhooks/signature-vectors.json", id);
        using var database = new TempDatabase();
        using var bot = BotWith(database, "Integrations:GitHub:Secret", (string)vector["secret"]!);
        var http = bot.Playground().Http;

        var response = await GitHubAsync(http, "ping", $"vector-{id}", (string)vector["body"]!, (string)vector["signature"]!);

        if ((bool)vector["valid"]!)
        {
            response.StatusCode.Should().Be(HttpStatusCode.OK);
            (await response.BodyAsync())["pong"]!.GetValue<bool>().Should().BeTrue();
        }
        else
        {
            response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
            (await response.Content.ReadAsStringAsync()).Should().Contain("X-Hub-Signature-256");
        }
    }

    [Theory]
    [MemberData(nameof(PagerDutyVectors))]
    public async Task A_PagerDuty_vector_is_accepted_exactly_when_it_is_valid_and_only_then_reaches_the_timeline(string id)
    {
        var vector = Vector("pagerduty/signature-vectors.json", id);
        var body = vector["body_file"] is { } file ? SharedExternal.Read($"pagerduty/{(string)file!}") : (string)vector["body"]!;
        using var database = new TempDatabase();
        using var bot = BotWith(database, "Integrations:PagerDuty:Secret", (string)vector["secret"]!);
        var playground = bot.Playground();
        await playground.OneAsync("alice", "/incident declare sev2 \"API errors\" service:payments");

        var response = await PagerDutyAsync(playground.Http, body, (string)vector["signature_header"]!);

        var timeline = (await playground.OneAsync("lee", "/incident timeline INC-1")).Text;
        if ((bool)vector["valid"]!)
        {
            response.StatusCode.Should().Be(HttpStatusCode.OK);
            timeline.Should().Contain("pagerduty · page: PagerDuty incident #2 \"A little bump in the road\" priority changed by Tenex Engineer to P1");
        }
        else
        {
            response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
            timeline.Should().NotContain("pagerduty");
        }
    }

    [Fact]
    public async Task During_a_secret_rotation_any_one_valid_signature_of_several_accepts()
    {
        var vector = Vector("pagerduty/signature-vectors.json", "valid");
        var mismatch = (string)Vector("pagerduty/signature-vectors.json", "mismatch")["signature_header"]!;
        using var database = new TempDatabase();
        using var bot = BotWith(database, "Integrations:PagerDuty:Secret", (string)vector["secret"]!);
        var body = SharedExternal.Read("pagerduty/incident.priority_updated.go-pagerduty-signed-body.json");

        var rotated = await PagerDutyAsync(bot.Playground().Http, body, $"{mismatch}, {(string)vector["signature_header"]!}");
        var bothWrong = await PagerDutyAsync(bot.Playground().Http, body, $"{mismatch},v1={Hmac("old-secret", body)}");

        rotated.StatusCode.Should().Be(HttpStatusCode.OK);
        bothWrong.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }
}
