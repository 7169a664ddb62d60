using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using ExecOps.Bot.Hosting;
using ExecOps.Bot.Integrations;
using ExecOps.Bot.Notifications;
using ExecOps.Workflows.Notifications;
using ExecOps.Workflows.People;
using ExecOps.Workflows.Tasks;

namespace ExecOps.Bot.Tickets;

/// <summary>
/// Opens each follow-up task as a Jira Cloud issue, through the outbox like any message: a 429 or 5xx is retried
/// (with Jira's Retry-After), a 400 is parked with Jira's own errorMessages/errors and the task's owner told.
/// Never twice: a task that has its key is done, and before creating, the issue is looked for by the task's label,
/// in case Jira created it and its answer was lost.
/// </summary>
public sealed class JiraPort(JiraSettings settings, HttpClient http, FollowUps followUps, PeopleDirectory people, PublicAddress address) : IPlatformPort
{
    public string Platform => "jira";

    public bool Accepts(Recipient to) => to == FollowUps.Tickets;

    public async Task DeliverAsync(Delivery delivery, CancellationToken cancel)
    {
        if (delivery.About is not { Kind: FollowUp.Kind } about || await followUps.FindAsync(about.Id) is not { } task || task.Ticket is not null) return;
        if (await FindAsync(task, cancel) is { } found)
        {
            await followUps.TicketOpenedAsync(task.Id, found, Browse(found));
            return;
        }
        using var request = Request(HttpMethod.Post, "rest/api/3/issue");
        request.Content = new StringContent(JiraIssue.For(task, settings, people.NameOf(task.Owner), address.Url).ToJsonString(), Encoding.UTF8, "application/json");
        var answer = await JsonCall.SendAsync(http, request, Platform, cancel);
        if (answer.Succeeded && answer.Body.Text("key") is { } key)
        {
            await followUps.TicketOpenedAsync(task.Id, key, Browse(key));
            return;
        }
        var reason = Errors(answer.Body) ?? $"Jira answered {(int)answer.Status}";
        if (answer.Status == HttpStatusCode.BadRequest) await followUps.TicketRefusedAsync(task.Id, "Jira", reason);
        throw answer.Failure(Platform, $"creating {task.Id}'s issue: {reason}");
    }

    /// <summary>The issue already opened for the task, if any.</summary>
    private async Task<string?> FindAsync(FollowUp task, CancellationToken cancel)
    {
        var jql = Uri.EscapeDataString($"labels = \"{JiraIssue.Label(task)}\"");
        using var request = Request(HttpMethod.Get, $"rest/api/3/search/jql?jql={jql}&fields=key&maxResults=1");
        var answer = await JsonCall.SendAsync(http, request, Platform, cancel);
        if (!answer.Succeeded) throw answer.Failure(Platform, $"looking for {task.Id}'s issue: {Errors(answer.Body) ?? $"Jira answered {(int)answer.Status}"}");
        return answer.Body?["issues"] is JsonArray issues && issues.Count > 0 ? issues[0].Text("key") : null;
    }

    private HttpRequestMessage Request(HttpMethod method, string path)
    {
        var request = new HttpRequestMessage(method, new Uri(new Uri(settings.BaseUrl!.TrimEnd('/') + "/"), path));
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{settings.Email}:{settings.ApiToken}")));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return request;
    }

    /// <summary>Jira's own words for what was wrong: `errorMessages` and the per-field `errors`.</summary>
    private static string? Errors(JsonNode? body)
    {
        var said = new List<string>();
        if (body?["errorMessages"] is JsonArray messages) said.AddRange(messages.Select(m => m.Text()).OfType<string>());
        if (body?["errors"] is JsonObject fields) said.AddRange(fields.Select(f => $"{f.Key}: {f.Value.Text()}"));
        return said.Count == 0 ? null : string.Join("; ", said);
    }

    private string Browse(string key) => $"{settings.BaseUrl!.TrimEnd('/')}/browse/{key}";
}
