namespace ExecOps.Workflows.Incidents;

/// <summary>The seats of incident command (seed §6).</summary>
public enum IncidentRole { Commander, Ops, Comms, Legal }

public static class IncidentRoles
{
    public const string Usage = "ic, ops, comms or legal";

    public static IncidentRole Parse(string? text) => (text ?? "").Trim().ToLowerInvariant() switch
    {
        "ic" or "commander" or "incident-commander" => IncidentRole.Commander,
        "ops" or "operations" => IncidentRole.Ops,
        "comms" or "communications" => IncidentRole.Comms,
        "legal" or "legal-liaison" => IncidentRole.Legal,
        _ => throw new RefusedException(RefusalKind.Invalid, $"`{text}` is not an incident role. Use {Usage}."),
    };

    public static string Label(this IncidentRole role) => role switch
    {
        IncidentRole.Commander => "Incident commander",
        IncidentRole.Ops => "Ops lead",
        IncidentRole.Comms => "Comms lead",
        _ => "Legal liaison",
    };
}
