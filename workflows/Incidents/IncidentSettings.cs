namespace ExecOps.Workflows.Incidents;

/// <summary>Incident command settings (section `Incidents`), validated at start-up.</summary>
public sealed class IncidentSettings
{
    /// <summary>How often the IC must post an update, per severity: a TimeSpan (`00:30:00`) or `none`.</summary>
    public Dictionary<string, string> UpdateCadence { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The channel where incidents are announced and updates are posted.</summary>
    public string Channel { get; set; } = "incidents";

    /// <summary>Directory id of the executive told when an update is missed twice.</summary>
    public string? ExecOnCall { get; set; }

    /// <summary>How long after resolution the postmortem is due.</summary>
    public TimeSpan PostmortemDue { get; set; } = TimeSpan.FromDays(5);

    /// <summary>How long a postmortem's systemic prevention item has, as a hardening task, before it is escalated.</summary>
    public TimeSpan HardeningDue { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Pre-approved customer comms: channel (statuspage, email, inapp) → severity (Sev1…Sev4 or default) → template.</summary>
    public Dictionary<string, Dictionary<string, string>> Comms { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Statuspage:ResolveWithIncident: resolving an incident that was published resolves its status-page incident, with the template's words.</summary>
    public bool ResolveStatusPage { get; set; }

    public TimeSpan? CadenceFor(Severity severity)
    {
        if (!UpdateCadence.TryGetValue(severity.Label(), out var text) || IsNone(text)) return null;
        return TimeSpan.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Every problem with these settings, in words an operator can fix; empty when they are fine.</summary>
    public IEnumerable<string> Problems()
    {
        foreach (var (severity, text) in UpdateCadence)
        {
            if (!Enum.TryParse<Severity>(severity, ignoreCase: true, out _))
                yield return $"Incidents:UpdateCadence:{severity} is not a severity; use Sev1, Sev2, Sev3 or Sev4.";
            else if (!IsNone(text) && (!TimeSpan.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var cadence) || cadence <= TimeSpan.Zero))
                yield return $"Incidents:UpdateCadence:{severity} is '{text}'; use a positive time span like 00:30:00, or none.";
        }
        if (string.IsNullOrWhiteSpace(Channel)) yield return "Incidents:Channel is empty; name the channel incidents are announced in.";
        if (PostmortemDue <= TimeSpan.Zero) yield return "Incidents:PostmortemDue must be a positive time span, like 5.00:00:00.";
        if (HardeningDue < TimeSpan.FromDays(1)) yield return "Incidents:HardeningDue must be a day or more, like 30.00:00:00.";
    }

    private static bool IsNone(string? text) => string.IsNullOrWhiteSpace(text) || text.Trim().Equals("none", StringComparison.OrdinalIgnoreCase);
}
