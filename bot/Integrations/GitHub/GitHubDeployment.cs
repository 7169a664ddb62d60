using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ExecOps.Workflows.Changes;
using ExecOps.Workflows.Incidents;
using ExecOps.Workflows.Ownership;

namespace ExecOps.Bot.Integrations.GitHub;

/// <summary>What a GitHub delivery is to the bot: a deployment, or a reason it is not used (answered 200, so GitHub does not retry it).</summary>
public sealed record GitHubReading(Deployment? Deployment, string? Ignored, string? Problem);

/// <summary>
/// Reads a `deployment_status` or a completed `workflow_run` of a configured workflow as a deployment: the service its
/// repository maps to, and the change envelope a `CHG-n` in its description, payload, ref or commit names.
/// </summary>
public static partial class GitHubDeployment
{
    public static GitHubReading Read(string @event, JsonObject delivery, GitHubSettings settings, OwnershipMap map, DateTimeOffset now)
    {
        if (delivery.Text("repository", "full_name") is not { } repository)
            return new(null, null, "The delivery has no repository.full_name; GitHub sends it with every deployment_status and workflow_run.");
        var service = settings.Repositories.GetValueOrDefault(repository) ?? map.Find(repository.Split('/')[^1])?.Id;
        return @event switch
        {
            "deployment_status" => Status(delivery, repository, service, settings, now),
            "workflow_run" => Run(delivery, repository, service, settings, now),
            _ => new(null, $"{@event} deliveries are not used; subscribe the webhook to deployment_status and workflow_run.", null),
        };
    }

    private static GitHubReading Status(JsonObject delivery, string repository, string? service, GitHubSettings settings, DateTimeOffset now)
    {
        var deployment = delivery["deployment"];
        if (delivery.Text("deployment_status", "state") is not { } state || deployment is not JsonObject)
            return new(null, null, "The delivery has no deployment_status.state or deployment; it is not a deployment_status event.");
        DeployStep? step = state switch { "in_progress" => DeployStep.Started, "success" => DeployStep.Succeeded, "failure" or "error" => DeployStep.Failed, _ => null };
        if (step is null) return new(null, $"A deployment that is {state} changes nothing yet; in_progress, success, failure and error do.", null);
        var environment = deployment.Text("environment") ?? "production";
        if (!settings.Tracked.Contains(environment, StringComparer.OrdinalIgnoreCase))
            return new(null, $"Deployments to {environment} are not tracked; Integrations:GitHub:Environments lists {string.Join(", ", settings.Tracked)}.", null);
        var change = ChangeIn(deployment.Text("description"), deployment["payload"]?.ToJsonString(), deployment.Text("ref"), delivery.Text("deployment_status", "description"));
        var at = delivery.Time("deployment_status", "created_at") ?? now;
        var what = $"{repository} {deployment.Text("ref") ?? ""}@{Short(deployment.Text("sha"))} to {environment}";
        return Reading(service, change, step.Value, at, deployment.Time("created_at") ?? at, deployment.Time("payload", "first_commit_at"), what, repository);
    }

    private static GitHubReading Run(JsonObject delivery, string repository, string? service, GitHubSettings settings, DateTimeOffset now)
    {
        if (delivery.Text("action") != "completed") return new(null, "Only a completed workflow run counts as a deployment.", null);
        var run = delivery["workflow_run"];
        var names = new[] { run.Text("name"), run.Text("path"), delivery.Text("workflow", "name"), delivery.Text("workflow", "path") }.OfType<string>().ToList();
        if (!names.Any(n => settings.Workflows.Contains(n, StringComparer.OrdinalIgnoreCase)))
            return new(null, $"The workflow {string.Join(" / ", names.Distinct())} is not a deployment; Integrations:GitHub:Workflows names those that are.", null);
        DeployStep? step = run.Text("conclusion") switch { "success" => DeployStep.Succeeded, "failure" or "timed_out" => DeployStep.Failed, _ => null };
        if (step is null) return new(null, $"A run that ended {run.Text("conclusion") ?? "without a conclusion"} deployed nothing.", null);
        var change = ChangeIn(run.Text("head_branch"), run.Text("display_title"), run.Text("head_commit", "message"));
        var at = run.Time("updated_at") ?? now;
        var what = $"{repository} {names[0]} run #{run.At("run_number")?.ToJsonString()} {run.Text("head_branch") ?? ""}@{Short(run.Text("head_sha"))}";
        return Reading(service, change, step.Value, at, run.Time("run_started_at") ?? run.Time("created_at") ?? at, run.Time("head_commit", "timestamp"), what, repository);
    }

    private static GitHubReading Reading(string? service, string? change, DeployStep step, DateTimeOffset at, DateTimeOffset startedAt, DateTimeOffset? firstCommit, string what, string repository)
    {
        if (service is null && change is null)
            return new(null, $"{repository} maps to no service and names no change; set Integrations:GitHub:Repositories:{repository} to its service.", null);
        var outcome = step switch { DeployStep.Started => "started", DeployStep.Succeeded => "deployed", _ => "failed" };
        var summary = $"{what} {outcome}{(change is null ? "" : $" ({change})")}";
        return new(new Deployment(new Signal("github", "deploy", service, summary, at), step, change, startedAt, firstCommit, step == DeployStep.Failed ? summary : null), null, null);
    }

    /// <summary>The first `CHG-n` in the texts, the change envelope's own spelling.</summary>
    private static string? ChangeIn(params string?[] texts) =>
        texts.OfType<string>().Select(t => ChangeId().Match(t)).FirstOrDefault(m => m.Success) is { } m ? $"CHG-{m.Groups[1].Value}" : null;

    private static string Short(string? sha) => sha is { Length: > 7 } ? sha[..7] : sha ?? "?";

    [GeneratedRegex(@"\bCHG-(\d{1,9})\b", RegexOptions.IgnoreCase)]
    private static partial Regex ChangeId();
}
