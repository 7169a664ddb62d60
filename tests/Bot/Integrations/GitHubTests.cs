using System.Net;
using System.Text.Json.Nodes;
using ExecOps.Tests.Support;
using ExecOps.Workflows.Changes;
using ExecOps.Workflows.Storage;
using Microsoft.Extensions.DependencyInjection;
using static ExecOps.Tests.Support.IntegrationDeliveries;

namespace ExecOps.Tests.Bot.Integrations;

/// <summary>GitHub's deployment_status and workflow_run deliveries (octokit's examples) on Codertocat/Hello-World and octo-org/octo-repo, both mapped to payments.</summary>
public sealed class GitHubTests() : BotTest(Settings())
{
    private static readonly string Sample = SharedExternal.Read("github-webhooks/deployment_status.created.payload.json");

    /// <summary>The sample deployment in the state given, naming the change in its description as a pipeline does.</summary>
    private static string Deployment(string state, string? description = "Deploy CHG-1", string? firstCommitAt = null) => With(Sample, d =>
    {
        d["deployment_status"]!["state"] = state;
        d["deployment"]!["description"] = description;
        if (firstCommitAt is not null) d["deployment"]!["payload"] = new JsonObject { ["first_commit_at"] = firstCommitAt };
    });

    private Task<HttpResponseMessage> PostAsync(string @event, string delivery, string body, string? signature = null) =>
        GitHubAsync(Playground.Http, @event, delivery, body, signature);

    private async Task ApprovedChangeAsync()
    {
        var created = await Playground.OneAsync("bob", "/change new tier:1 service:payments \"Card vault v2\" scope:\"x\" rollback:\"y\" metrics:\"error_rate<=1\"");
        await Playground.ActionAsync("sam", created.MessageId, "change.approve", created.ActionData("change.approve"));
    }

    private Task<ChangeData> ChangeAsync(string id = "CHG-1") => Bot.AggregateAsync<ChangeData>(Change.Kind, id);

    private async Task<int> ReleasesAsync()
    {
        await using var unit = await Bot.Services.GetRequiredService<Store>().BeginAsync();
        return (await unit.Markers.ReleasesAsync(DateTimeOffset.UnixEpoch, DateTimeOffset.UtcNow.AddYears(10))).Count;
    }

    [Fact]
    public async Task A_successful_deployment_naming_a_change_completes_it_and_is_a_release_marker_on_the_scoreboard_and_the_incidents_timeline()
    {
        await ApprovedChangeAsync();
        await Playground.OneAsync("alice", "/incident declare sev2 \"Checkout 5xx\" service:payments");

        var response = await PostAsync("deployment_status", "7a3c0f00-7d4a-11e9-8f9e-2a86e4085a59", Deployment("success"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var answer = await response.BodyAsync();
        ((string?)answer["change"], (string?)answer["changeState"]).Should().Be(("CHG-1", "Completed"));
        answer["joined"]!.AsArray().Select(j => (string?)j).Should().Equal("INC-1");
        (await ChangeAsync()).State.Should().Be(ChangeState.Completed);
        (await Playground.OneAsync("dana", "/scoreboard week:current")).Text.Should().Contain("🚀 Mon 02 Nov: payments: CHG-1 Card vault v2");
        (await Playground.OneAsync("lee", "/incident timeline INC-1")).Text.Should().Contain("github · deploy: Codertocat/Hello-World master@f95f852 to production deployed (CHG-1)");
        (await ReleasesAsync()).Should().Be(1, "the change's marker stands for the deploy; it is not marked twice");
    }

    [Fact]
    public async Task In_progress_starts_the_change_from_its_first_commit_and_failure_fails_it()
    {
        await ApprovedChangeAsync();

        (await PostAsync("deployment_status", "d-1", Deployment("in_progress", firstCommitAt: "2026-10-30T10:00:00Z"))).StatusCode.Should().Be(HttpStatusCode.OK);

        var started = await ChangeAsync();
        started.State.Should().Be(ChangeState.InProgress);
        started.FirstCommitAt.Should().Be(DateTimeOffset.Parse("2026-10-30T10:00:00Z"));

        var failed = await (await PostAsync("deployment_status", "d-2", Deployment("error"))).BodyAsync();

        ((string?)failed["changeState"]).Should().Be("Failed");
        (await ChangeAsync()).State.Should().Be(ChangeState.Failed);
        (await ReleasesAsync()).Should().Be(0, "a failed deployment released nothing");
    }

    [Fact]
    public async Task A_replayed_delivery_is_applied_once()
    {
        await Playground.OneAsync("alice", "/incident declare sev2 \"Checkout 5xx\" service:payments");
        var body = Deployment("success", description: null);

        var first = await PostAsync("deployment_status", "replayed-1", body);
        var again = await PostAsync("deployment_status", "replayed-1", body);

        first.StatusCode.Should().Be(HttpStatusCode.OK);
        (await again.BodyAsync())["duplicate"]!.GetValue<bool>().Should().BeTrue();
        (await ReleasesAsync()).Should().Be(1, "a deploy naming no change leaves its own marker, once");
        (await Playground.OneAsync("lee", "/incident timeline INC-1")).Text.Split("master@f95f852 to production deployed").Length.Should().Be(2);
    }

    [Fact]
    public async Task A_deployment_of_a_change_not_approved_is_recorded_and_the_refusal_answered()
    {
        await Playground.OneAsync("bob", "/change new tier:1 service:payments \"Card vault v2\" scope:\"x\" rollback:\"y\" metrics:\"error_rate<=1\"");

        var answer = await (await PostAsync("deployment_status", "unapproved-1", Deployment("success"))).BodyAsync();

        ((string?)answer["changeRefused"]).Should().NotBeNullOrEmpty();
        (await ChangeAsync()).State.Should().Be(ChangeState.PendingApproval);
        (await ReleasesAsync()).Should().Be(1, "it was deployed either way");
    }

    [Fact]
    public async Task A_completed_run_of_a_configured_workflow_counts_as_a_deployment_and_others_do_not()
    {
        await Playground.OneAsync("alice", "/incident declare sev2 \"Checkout 5xx\" service:payments");
        var run = SharedExternal.Read("github-webhooks/workflow_run.completed.payload.json");

        var used = await (await PostAsync("workflow_run", "run-1", run)).BodyAsync();
        var other = await (await PostAsync("workflow_run", "run-2", With(run, r => { r["workflow_run"]!["path"] = ".github/workflows/lint.yml"; r["workflow"]!["path"] = ".github/workflows/lint.yml"; r["workflow"]!["name"] = "lint"; }))).BodyAsync();

        used["joined"]!.AsArray().Select(j => (string?)j).Should().Equal("INC-1");
        (await Playground.OneAsync("lee", "/incident timeline INC-1")).Text.Should().Contain("octo-org/octo-repo .github/workflows/test.yml run #163 master@3484a3f deployed");
        ((string?)other["ignored"]).Should().Contain("not a deployment");
        (await ReleasesAsync()).Should().Be(1);
    }

    [Fact]
    public async Task Ping_is_answered_and_an_event_the_bot_does_not_use_is_acknowledged_without_effect()
    {
        var ping = await PostAsync("ping", "ping-1", """{"zen":"Design for failure.","hook_id":1}""");
        var push = await PostAsync("push", "push-1", SharedExternal.Read("github-webhooks/push.new-branch.payload.json"));
        var queued = await PostAsync("deployment_status", "queued-1", Deployment("queued"));

        ping.StatusCode.Should().Be(HttpStatusCode.OK);
        (await ping.BodyAsync())["pong"]!.GetValue<bool>().Should().BeTrue();
        ((string?)(await push.BodyAsync())["ignored"]).Should().Contain("deployment_status and workflow_run");
        ((string?)(await queued.BodyAsync())["ignored"]).Should().Contain("queued changes nothing");
        (await ReleasesAsync()).Should().Be(0);
    }

    [Fact]
    public async Task A_forged_or_unsigned_delivery_is_refused_and_changes_nothing()
    {
        await ApprovedChangeAsync();
        var body = Deployment("success");

        var forged = await PostAsync("deployment_status", "forged-1", body, $"sha256={Hmac("not-the-secret", body)}");
        var unsigned = await PostAsync("deployment_status", "forged-2", body, "");

        forged.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        unsigned.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await forged.Content.ReadAsStringAsync()).Should().Contain("Integrations:GitHub:Secret");
        (await ChangeAsync()).State.Should().Be(ChangeState.Approved);
        (await ReleasesAsync()).Should().Be(0);
    }

    [Theory]
    [InlineData("no-headers", "", "")]
    [InlineData("no-repository", "deployment_status", "r-1")]
    public async Task A_delivery_the_bot_cannot_use_is_a_400_that_says_why(string _, string @event, string delivery)
    {
        var response = await PostAsync(@event, delivery, """{"action":"created"}""");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().MatchRegex("X-GitHub-Event|repository.full_name");
    }
}
