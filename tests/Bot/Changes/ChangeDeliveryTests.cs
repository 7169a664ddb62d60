using System.Net;
using System.Text.Json.Nodes;
using ExecOps.Tests.Support;

namespace ExecOps.Tests.Bot.Changes;

/// <summary>
/// Delivery signals through `POST /api/changes/{id}/events`: a rollout's stages and health readings; a
/// broken guardrail asks for the rollback once, alerting the owner and the service's channel and calling
/// the rollback webhook (a fake receiver on loopback checks the signed call).
/// </summary>
public sealed class ChangeDeliveryTests() : WebhookBotTest("rollback", "rollback-secret")
{
    private Task<(HttpStatusCode Status, JsonObject Body)> EventAsync(string id, string json, string token = BotFactory.ChangeEventsToken) =>
        ChangeEvents.PostAsync(Playground.Http, id, json, token);

    private async Task ApprovedTier1Async()
    {
        var created = await Playground.OneAsync("alice", "/change new tier:1 service:payments \"Card vault v2\" scope:\"vault reads\" rollback:\"flip flag off\" metrics:\"p95_latency_ms<=300, error_rate<=0.5%\"");
        await Playground.ActionAsync("sam", created.MessageId, "change.approve", created.ActionData("change.approve"));
    }

    [Fact]
    public async Task A_broken_guardrail_during_rollout_asks_for_the_rollback_once_through_the_signed_webhook()
    {
        await ApprovedTier1Async();
        (await EventAsync("CHG-1", """{"kind":"started","first_commit_at":"2026-11-01T15:00:00Z"}""")).Body["state"]!.ToString().Should().Be("InProgress");
        await EventAsync("CHG-1", """{"kind":"stage","percent":10}""");
        (await EventAsync("CHG-1", """{"kind":"health","readings":{"p95_latency_ms":250,"error_rate":0.2}}""")).Body["rollbackRequested"]!.GetValue<bool>().Should().BeFalse();

        var (_, breach) = await EventAsync("CHG-1", """{"kind":"health","readings":{"p95_latency_ms":420,"error_rate":0.2}}""");

        breach["rollbackRequested"]!.GetValue<bool>().Should().BeTrue();
        var call = (await Webhook.WaitForAsync("the rollback webhook")).Single();
        call.IsSignedWith(Secret).Should().BeTrue();
        ((string)JsonNode.Parse(call.Body)!["summary"]!).Should().Be("Roll back CHG-1 on payments: p95_latency_ms=420 broke p95_latency_ms<=300");
        await Eventually.Until(() => Playground.MessagesAsync("alice"), m => m.Any(x => x.Text.StartsWith("Guardrail broken: CHG-1")), "the owner's alert");
        await Eventually.Until(() => Playground.MessagesAsync("#payments"), m => m.Any(x => x.Text.Contains("p95_latency_ms=420 broke p95_latency_ms<=300")), "the service channel's alert");

        await EventAsync("CHG-1", """{"kind":"health","readings":{"p95_latency_ms":500}}""");
        var (completed, refusal) = await EventAsync("CHG-1", """{"kind":"completed"}""");
        completed.Should().Be(HttpStatusCode.Conflict, "a change rolling back cannot count as a success");
        refusal["detail"]!.ToString().Should().Contain("guardrails held");
        (await EventAsync("CHG-1", """{"kind":"rolled_back"}""")).Body["state"]!.ToString().Should().Be("RolledBack");
        await Bot.DrainOutboxAsync();
        Webhook.Calls.Should().ContainSingle("one breach asks for one rollback");
    }

    [Theory]
    [InlineData("""{"kind":"stage","percent":5}""", HttpStatusCode.Conflict, "already at 10%; a stage only goes forward")]
    [InlineData("""{"kind":"stage","percent":140}""", HttpStatusCode.BadRequest, "from 1 to 100")]
    [InlineData("""{"kind":"health","readings":{"p95_latency_ms":"slow"}}""", HttpStatusCode.BadRequest, "The reading \"p95_latency_ms\" is not a number")]
    [InlineData("""{"kind":"deployed"}""", HttpStatusCode.BadRequest, "\"kind\" must be one of")]
    [InlineData("""{"kind":"started"}""", HttpStatusCode.Conflict, "CHG-1 is in progress, so start is not possible")]
    public async Task A_bad_event_is_answered_and_changes_nothing(string json, HttpStatusCode status, string expected)
    {
        await ApprovedTier1Async();
        await EventAsync("CHG-1", """{"kind":"started"}""");
        await EventAsync("CHG-1", """{"kind":"stage","percent":10}""");

        var (code, body) = await EventAsync("CHG-1", json);

        code.Should().Be(status);
        ((string)body["detail"]!).Should().Contain(expected);
        CardJson.Facts((await Playground.OneAsync("lee", "/change show CHG-1")).Card!).Should().Contain("Rollout: 10%");
    }

    [Fact]
    public async Task Events_for_an_unknown_change_a_finished_one_or_without_the_token_are_refused()
    {
        await ApprovedTier1Async();
        await EventAsync("CHG-1", """{"kind":"started"}""");
        await EventAsync("CHG-1", """{"kind":"completed"}""");

        (await EventAsync("CHG-9", """{"kind":"started"}""")).Status.Should().Be(HttpStatusCode.NotFound);
        var (status, body) = await EventAsync("CHG-1", """{"kind":"stage","percent":50}""");
        status.Should().Be(HttpStatusCode.Conflict);
        ((string)body["detail"]!).Should().Contain("CHG-1 is completed");
        (await EventAsync("CHG-1", """{"kind":"hotfix"}""", token: "wrong")).Status.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_rollout_that_fails_is_finished_and_counts_as_a_failed_change()
    {
        await ApprovedTier1Async();
        await EventAsync("CHG-1", """{"kind":"started"}""");

        (await EventAsync("CHG-1", """{"kind":"failed","detail":"migration half applied"}""")).Body["state"]!.ToString().Should().Be("Failed");

        (await Playground.OneAsync("lee", "/change stats weeks:1")).Text.Should().Contain("change failure rate 100% (1 of 1 Tier 0/1)");
    }

    [Fact]
    public async Task A_change_that_is_not_approved_does_not_start()
    {
        await Playground.OneAsync("alice", "/change new tier:1 service:payments \"Card vault v2\" scope:\"vault reads\" rollback:\"flip flag off\" metrics:\"error_rate<=0.5%\"");

        var (status, body) = await EventAsync("CHG-1", """{"kind":"started"}""");

        status.Should().Be(HttpStatusCode.Conflict);
        ((string)body["detail"]!).Should().Contain("CHG-1 is pending approval, so start is not possible");
    }
}
