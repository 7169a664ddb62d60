using System.Text.Json.Nodes;
using ExecOps.Workflows.Tasks;

namespace ExecOps.Bot.Tickets;

/// <summary>
/// The create-issue body (`POST /rest/api/3/issue`) for a task: the project and issue type by key or name (by id
/// when numeric), the summary, and a description in Atlassian Document Format (version 1) that links back to the
/// bot. The task's label finds the issue again, so a retry after a lost answer opens no second one.
/// </summary>
public static class JiraIssue
{
    /// <summary>Jira refuses a longer summary.</summary>
    private const int SummaryLength = 255;

    public static string Label(FollowUp task) => $"execops-{task.Id.ToLowerInvariant()}";

    public static JsonObject For(FollowUp task, JiraSettings settings, string ownerName, string botUrl)
    {
        var summary = $"{task.Id}: {task.Text}";
        var facts = $"Owner: {ownerName}{(task.Due is { } due ? $" · due {due:yyyy-MM-dd}" : "")} · {task.About}";
        return new JsonObject
        {
            ["fields"] = new JsonObject
            {
                ["project"] = Reference(settings.Project!, "key"),
                ["issuetype"] = Reference(settings.IssueType!, "name"),
                ["summary"] = summary.Length <= SummaryLength ? summary : summary[..(SummaryLength - 1)] + "…",
                ["labels"] = new JsonArray("execops", Label(task)),
                ["description"] = Document(
                    Paragraph(Text(task.Text)),
                    Paragraph(Text(facts)),
                    Paragraph(Text($"Opened by ExecOps.Bot as {task.Id}", Link(botUrl)), Text($"; the owner closes it there with /tasks done {task.Id}."))),
            },
        };
    }

    private static JsonObject Reference(string value, string byName) =>
        value.All(char.IsAsciiDigit) ? new JsonObject { ["id"] = value } : new JsonObject { [byName] = value };

    private static JsonObject Document(params JsonObject[] content) => new() { ["type"] = "doc", ["version"] = 1, ["content"] = new JsonArray(content) };

    private static JsonObject Paragraph(params JsonObject[] content) => new() { ["type"] = "paragraph", ["content"] = new JsonArray(content) };

    private static JsonObject Text(string text, JsonObject? mark = null)
    {
        var node = new JsonObject { ["type"] = "text", ["text"] = text };
        if (mark is not null) node["marks"] = new JsonArray(mark);
        return node;
    }

    private static JsonObject Link(string href) => new() { ["type"] = "link", ["attrs"] = new JsonObject { ["href"] = href } };
}
