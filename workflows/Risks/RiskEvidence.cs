using System.Text.Json.Nodes;
using ExecOps.Workflows.Changes;
using ExecOps.Workflows.Decisions;
using ExecOps.Workflows.Incidents;
using ExecOps.Workflows.Storage;

namespace ExecOps.Workflows.Risks;

/// <summary>
/// Evidence that names one of our records (INC-n, CHG-n, DEC-…) must name one that exists: a typo
/// kept as evidence would prove nothing and look as if it did. A URL is taken as given.
/// </summary>
public static class RiskEvidence
{
    public static async Task EnsureExistsAsync(UnitOfWork unit, string? evidence, string riskId)
    {
        if (evidence is null) return;
        var (kind, what, list) = evidence.ToUpperInvariant() switch
        {
            var e when e.StartsWith("INC-") => (Incident.Kind, "incident", "`/incident list all`"),
            var e when e.StartsWith("CHG-") => (Change.Kind, "change", "`/change calendar`"),
            var e when e.StartsWith("DEC-") => (Decision.Kind, "decision", "`/decision export`"),
            _ => ((string?)null, "", ""),
        };
        if (kind is null) return;
        if (await unit.Aggregates.FindAsync<JsonObject>(kind, evidence.Trim()) is null)
            throw new RefusedException(RefusalKind.NotFound, $"evidence:{evidence} names no {what} I hold; check the id ({list} shows them) or give a URL.", riskId);
    }
}
