namespace ExecOps.Workflows.Incidents;

/// <summary>
/// What a monitor, a pipeline or a pager saw on a service (an alert firing or resolved, a deploy, a page), as
/// the integrations convert a provider's delivery. It joins the timelines of the open incidents on the service.
/// </summary>
/// <param name="Source">Who saw it, as the timeline names it: alertmanager, github, pagerduty.</param>
/// <param name="Kind">The timeline's word for it: alert, alert-resolved, deploy, page.</param>
/// <param name="Service">The service as the provider names it; the ownership map's id where it knows the name.</param>
public sealed record Signal(string Source, string Kind, string? Service, string Summary, DateTimeOffset At)
{
    /// <summary>Declare an incident of this severity, with the service's on-call as IC, when none is open on it.</summary>
    public Severity? Declare { get; init; }

    /// <summary>The title of the incident it declares; the summary when none is given.</summary>
    public string? Title { get; init; }

    /// <summary>The provider's own incident (`pagerduty:PFQZPSY`): the incident it opens or joins answers for it, and later signals with the same link go there.</summary>
    public string? Link { get; init; }

    /// <summary>Whether a deploy leaves its own release marker (one linked to a change envelope leaves the change's).</summary>
    public bool Marks { get; init; } = true;
}

/// <summary>What a signal did: the incidents it joined, the one it declared, or the announcement that nobody's incident took it.</summary>
public sealed record SignalOutcome(IReadOnlyList<string> Joined, string? Declared, string? Announced);
