namespace ExecOps.Bot.Tickets;

/// <summary>Section `Tickets:Jira`: with a BaseUrl, every follow-up task is also opened as a Jira Cloud issue.</summary>
public sealed class JiraSettings
{
    /// <summary>The site, e.g. https://your-domain.atlassian.net.</summary>
    public string? BaseUrl { get; set; }

    /// <summary>The Atlassian account the API token belongs to; Jira Cloud takes basic auth as email:token.</summary>
    public string? Email { get; set; }
    public string? ApiToken { get; set; }

    /// <summary>The project's key (OPS) or numeric id.</summary>
    public string? Project { get; set; }

    /// <summary>The issue type's name (Task) or numeric id.</summary>
    public string? IssueType { get; set; }

    public bool IsOn => !string.IsNullOrWhiteSpace(BaseUrl);

    public IEnumerable<string> Problems()
    {
        if (!IsOn) yield break;
        if (!Uri.TryCreate(BaseUrl, UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http"))
            yield return $"Tickets:Jira:BaseUrl \"{BaseUrl}\" is not a web address; give the site, e.g. https://your-domain.atlassian.net.";
        if (string.IsNullOrWhiteSpace(Email)) yield return "Tickets:Jira:Email is empty; give the Atlassian account the API token belongs to.";
        if (string.IsNullOrWhiteSpace(ApiToken)) yield return "Tickets:Jira:ApiToken is empty; create one at id.atlassian.com → Security → API tokens.";
        if (string.IsNullOrWhiteSpace(Project)) yield return "Tickets:Jira:Project is empty; give the project key, e.g. OPS.";
        if (string.IsNullOrWhiteSpace(IssueType)) yield return "Tickets:Jira:IssueType is empty; give the issue type's name, e.g. Task.";
    }
}
