namespace ExecOps.Workflows.Incidents;

/// <summary>
/// Fills a pre-approved customer message (status page, email, in-app) for an incident. The words
/// come from configuration so Legal and Comms can change them without a release.
/// </summary>
public static class IncidentComms
{
    public static string Render(IncidentSettings settings, IncidentData incident, string channel)
    {
        if (!settings.Comms.TryGetValue(channel, out var bySeverity))
            throw new RefusedException(RefusalKind.NotFound, $"No {channel} template is configured. Add Incidents:Comms:{channel}:{incident.Severity.Label()} (or :default) to appsettings.json.", incident.Id);
        var template = bySeverity.GetValueOrDefault(incident.Severity.Label()) ?? bySeverity.GetValueOrDefault("default")
            ?? throw new RefusedException(RefusalKind.NotFound, $"The {channel} templates have none for {incident.Severity.Label()} and no default. Add Incidents:Comms:{channel}:{incident.Severity.Label()}.", incident.Id);
        var fields = new Dictionary<string, string>
        {
            ["id"] = incident.Id,
            ["title"] = incident.Title,
            ["severity"] = incident.Severity.Label(),
            ["service"] = incident.Service ?? "our service",
            ["impact"] = incident.Impact ?? "some customers may be affected",
            ["status"] = incident.State.ToString().ToLowerInvariant(),
            ["last_update"] = incident.LastUpdate ?? "we are investigating",
            ["next_update"] = incident.NextUpdateDue is { } due ? $"{due:HH:mm} UTC" : "when we have news",
            ["declared_at"] = $"{incident.DeclaredAt:yyyy-MM-dd HH:mm} UTC",
        };
        return fields.Aggregate(template, (text, field) => text.Replace("{" + field.Key + "}", field.Value));
    }
}
