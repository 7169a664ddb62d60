using ExecOps.Bot.Api;
using ExecOps.Workflows.Changes;
using ExecOps.Workflows.Ownership;
using ExecOps.Workflows.Storage;
using Microsoft.Extensions.Options;

namespace ExecOps.Bot.Integrations.GitHub;

/// <summary>`POST /api/integrations/github`: a repository or organisation webhook (content type application/json) signed with Integrations:GitHub:Secret.</summary>
public static class GitHubApi
{
    public static IEndpointRouteBuilder MapGitHubApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/integrations/github", ReceiveAsync);
        return app;
    }

    private static async Task<IResult> ReceiveAsync(HttpRequest request, IOptions<IntegrationSettings> settings, ChangeService changes, OwnershipMap map, Store store, TimeProvider clock, ILogger<IntegrationSettings> log)
    {
        var github = settings.Value.GitHub;
        var (body, tooLarge) = await Intake.ReadAsync(request);
        if (tooLarge is not null) return tooLarge;
        var signature = request.Headers["X-Hub-Signature-256"].ToString();
        if (!signature.StartsWith("sha256=", StringComparison.Ordinal) || !WebhookSignature.Matches(body, github.Secret, signature["sha256=".Length..]))
            return await Intake.UnauthorizedAsync(store, "github",
                "X-Hub-Signature-256 is missing or does not match: set the webhook's secret to Integrations:GitHub:Secret. The endpoint is closed while no secret is configured.");
        var @event = request.Headers["X-GitHub-Event"].ToString();
        var id = request.Headers["X-GitHub-Delivery"].ToString();
        if (@event.Length == 0 || id.Length is 0 or > 100)
            return Problems.BadRequest("X-GitHub-Event or X-GitHub-Delivery is missing; GitHub sends both with every delivery.");
        if (@event == "ping") return Results.Ok(new { pong = true, detail = "The webhook reaches ExecOps.Bot and its signature is right." });
        var (delivery, problem) = Intake.Parse(body!, $"GitHub's {@event} payload");
        if (problem is not null) return problem;

        var reading = GitHubDeployment.Read(@event, delivery!, github, map, clock.GetUtcNow());
        if (reading.Problem is not null) return Problems.BadRequest(reading.Problem);
        if (reading.Deployment is not { } deployment)
        {
            log.LogInformation("GitHub delivery {Delivery} ({Event}) not used: {Reason}", id, @event, reading.Ignored);
            return Results.Ok(new { ignored = reading.Ignored });
        }
        var handled = await Intake.RunAsync(id, "github", $"{@event} {deployment.Step}".ToLowerInvariant(), () => changes.DeployAsync(deployment, "github"));
        if (handled.Duplicate) return Results.Ok(new { duplicate = true, detail = Intake.AlreadyApplied });
        if (handled.Refused is { } refused) return Problems.BadRequest(refused);
        var outcome = handled.Value!;
        if (outcome.ChangeRefused is { } why) log.LogWarning("GitHub delivery {Delivery}: {Change} was not moved: {Reason}", id, deployment.ChangeId, why);
        return Results.Ok(new
        {
            change = outcome.Change ?? deployment.ChangeId, changeState = outcome.ChangeState, changeRefused = outcome.ChangeRefused,
            joined = outcome.Timeline?.Joined ?? [], announced = outcome.Timeline?.Announced is not null,
        });
    }
}
