using ExecOps.Workflows.Incidents;
using ExecOps.Workflows.People;

namespace ExecOps.Tests.Workflows.Incidents;

/// <summary>Small builders for incident tests: people, settings, and incidents in any state.</summary>
public static class IncidentBuilder
{
    public static readonly DateTimeOffset Start = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    public static readonly Person Alice = new("alice", "Alice Chen", "alice@example.com", new HashSet<string> { Roles.IncidentCommander });
    public static readonly Person Bob = new("bob", "Bob Martins", "bob@example.com", new HashSet<string>());
    public static readonly Person Sam = new("sam", "Sam Alvarez", "sam@example.com", new HashSet<string> { Roles.IncidentCommander });
    public static readonly Person Dana = new("dana", "Dana Okafor", "dana@example.com", new HashSet<string> { Roles.Exec });

    public static IncidentSettings Settings() => new()
    {
        ExecOnCall = "dana",
        UpdateCadence = new(StringComparer.OrdinalIgnoreCase) { ["Sev1"] = "00:30:00", ["Sev2"] = "01:00:00", ["Sev3"] = "04:00:00", ["Sev4"] = "none" },
    };

    public static Incident Declared(Severity severity = Severity.Sev1, DateTimeOffset? at = null) =>
        Incident.Declare(7, "Checkout 5xx", severity, "payments", "EU cards failing", Actor.For(Alice), Settings(), at ?? Start);

    /// <summary>The same incident, reloaded at a later moment, as the service would when a reminder fires.</summary>
    public static Incident At(Incident incident, DateTimeOffset now) => new(incident.Data, incident.Version + 1, Settings(), now);

    /// <summary>An incident in <paramref name="state"/>, reached by the shortest legal path, reloaded as if from storage.</summary>
    public static Incident In(IncidentState state, DateTimeOffset? at = null)
    {
        var incident = Declared(at: at);
        var path = state switch
        {
            IncidentState.Declared => [],
            IncidentState.Investigating => [IncidentTrigger.Investigate],
            IncidentState.Identified => [IncidentTrigger.Identify],
            IncidentState.Mitigated => [IncidentTrigger.Mitigate],
            IncidentState.Resolved => [IncidentTrigger.Resolve],
            IncidentState.Closed => new[] { IncidentTrigger.Resolve },
            _ => throw new ArgumentOutOfRangeException(nameof(state)),
        };
        foreach (var step in path) incident.Step(Actor.For(Alice), step);
        if (state == IncidentState.Closed)
        {
            incident.RecordPostmortem(Actor.For(Alice), "config-change", "bad push", [new PreventionItem("validate configs in CI", true)]);
            incident.Step(Actor.For(Alice), IncidentTrigger.Close);
        }
        return new Incident(incident.Data, 1, Settings(), at ?? Start);
    }
}
