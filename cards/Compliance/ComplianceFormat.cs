using ExecOps.Workflows.Compliance;

namespace ExecOps.Cards.Compliance;

/// <summary>How compliance cards write a control's colour and what is due.</summary>
public static class ComplianceFormat
{
    public static string Colour(ControlData control) => control.Colour switch
    {
        "green" => "🟢 green",
        "yellow" => "🟡 yellow",
        "red" => "🔴 red",
        _ => "⚪ excepted",
    };

    public static string Due(RequirementHealth health) => health.Latest is { } at
        ? $"{health.Requirement.Kind} ({Words(health.Requirement.Every)}): last {at:yyyy-MM-dd}, next due {health.Due:yyyy-MM-dd}"
        : $"{health.Requirement.Kind} ({Words(health.Requirement.Every)}): none yet, due {health.Due:yyyy-MM-dd}";

    public static string Words(Cadence cadence) => cadence.ToString().ToLowerInvariant();
}
