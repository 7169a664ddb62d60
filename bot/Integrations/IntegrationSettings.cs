namespace ExecOps.Bot.Integrations;

/// <summary>Section `Integrations`: the providers whose webhooks the bot takes as they come. Each endpoint is closed while its secret is unset.</summary>
public sealed class IntegrationSettings
{
    public AlertmanagerSettings Alertmanager { get; set; } = new();
    public GitHubSettings GitHub { get; set; } = new();
    public PagerDutySettings PagerDuty { get; set; } = new();

    /// <summary>Every problem with these settings, in words an operator can fix; empty when they are fine.</summary>
    public IEnumerable<string> Problems()
    {
        if (string.IsNullOrWhiteSpace(Alertmanager.ServiceLabel)) yield return "Integrations:Alertmanager:ServiceLabel is empty; name the alert label that holds the service (default service).";
        for (var i = 0; i < Alertmanager.Declare.Count; i++)
        {
            var rule = Alertmanager.Declare[i];
            if (rule.Match.Count == 0) yield return $"Integrations:Alertmanager:Declare:{i} has no Match; give the labels it matches, e.g. {{ \"severity\": \"critical\" }}.";
            if (rule.Sev is < 1 or > 4) yield return $"Integrations:Alertmanager:Declare:{i}:Sev is {rule.Sev}; use 1 to 4.";
        }
        if (PagerDuty.Sev is < 1 or > 4) yield return $"Integrations:PagerDuty:Sev is {PagerDuty.Sev}; use 1 to 4.";
    }
}

public sealed class AlertmanagerSettings
{
    /// <summary>The bearer token Alertmanager's `http_config.authorization.credentials` sends.</summary>
    public string? Token { get; set; }

    /// <summary>The alert label that names the service.</summary>
    public string ServiceLabel { get; set; } = "service";

    /// <summary>Firing alerts that declare an incident when none is open on their service: the most severe matching rule wins.</summary>
    public List<DeclareRule> Declare { get; set; } = [];
}

/// <summary>An alert whose labels hold every one of <see cref="Match"/> declares a Sev <see cref="Sev"/>.</summary>
public sealed class DeclareRule
{
    public Dictionary<string, string> Match { get; set; } = new(StringComparer.OrdinalIgnoreCase);
    public int Sev { get; set; }
}

public sealed class GitHubSettings
{
    /// <summary>The webhook's secret, which signs every delivery in X-Hub-Signature-256.</summary>
    public string? Secret { get; set; }

    /// <summary>`owner/repo` → service; a repository named like a service in the ownership map needs no entry.</summary>
    public Dictionary<string, string> Repositories { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Workflows (by name or path, e.g. `deploy` or `.github/workflows/deploy.yml`) whose completed runs are deployments.</summary>
    public List<string> Workflows { get; set; } = [];

    /// <summary>The environments whose deployments count (production when none is listed); a deployment without one is taken as production.</summary>
    public List<string> Environments { get; set; } = [];

    public IReadOnlyList<string> Tracked => Environments.Count == 0 ? ["production"] : Environments;
}

public sealed class PagerDutySettings
{
    /// <summary>The V3 webhook subscription's signing secret.</summary>
    public string? Secret { get; set; }

    /// <summary>PagerDuty service id or name → service; a PagerDuty service named like one in the ownership map needs no entry.</summary>
    public Dictionary<string, string> Services { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The severity a high-urgency page declares when its incident has no priority P1–P4 to say otherwise.</summary>
    public int Sev { get; set; } = 2;
}
