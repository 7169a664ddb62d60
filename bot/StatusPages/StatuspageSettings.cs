namespace ExecOps.Bot.StatusPages;

/// <summary>Section `Statuspage`: with a PageId and an ApiKey, `/incident comms statuspage publish` posts to Atlassian Statuspage.</summary>
public sealed class StatuspageSettings
{
    public string? PageId { get; set; }

    /// <summary>An API key of the page's organisation, sent as `Authorization: OAuth <key>`.</summary>
    public string? ApiKey { get; set; }

    public string BaseUrl { get; set; } = "https://api.statuspage.io";

    /// <summary>Service (as the ownership map names it) → the page's component id, whose status each post sets.</summary>
    public Dictionary<string, string> Components { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Resolving an incident that was published resolves it on the page (read by the incident settings too).</summary>
    public bool ResolveWithIncident { get; set; }

    public bool IsOn => !string.IsNullOrWhiteSpace(PageId);

    public string? ComponentOf(string? service) => service is not null && Components.TryGetValue(service, out var id) ? id : null;

    public IEnumerable<string> Problems()
    {
        if (!IsOn) yield break;
        if (string.IsNullOrWhiteSpace(ApiKey)) yield return "Statuspage:ApiKey is empty; create one under your Statuspage profile → API info.";
        if (!Uri.TryCreate(BaseUrl, UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http"))
            yield return $"Statuspage:BaseUrl \"{BaseUrl}\" is not a web address; leave it out for https://api.statuspage.io.";
    }
}
