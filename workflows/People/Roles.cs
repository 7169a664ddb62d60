namespace ExecOps.Workflows.People;

/// <summary>The directory roles the operating system hands out; checked before every approval.</summary>
public static class Roles
{
    public const string Exec = "exec";
    public const string Sponsor = "sponsor";
    public const string KpiOwner = "kpi-owner";
    public const string IncidentCommander = "incident-commander";
    public const string Admin = "admin";

    /// <summary>Approves changes to KPI definitions (seed §3).</summary>
    public const string GovernanceCouncil = "governance-council";

    /// <summary>Director and above: who may own a control (seed §7).</summary>
    public const string Director = "director";

    /// <summary>Told when a control goes red, with its backup owner.</summary>
    public const string Ciso = "ciso";

    /// <summary>Reads controls' evidence and drafts audit packs; never adds evidence (independence).</summary>
    public const string Auditor = "auditor";

    /// <summary>Reminded before each customer notification deadline of an incident, with <see cref="Legal"/>.</summary>
    public const string Comms = "comms";

    /// <summary>Owns contracts' promises and imports them; reminded of notification deadlines.</summary>
    public const string Legal = "legal";
}
