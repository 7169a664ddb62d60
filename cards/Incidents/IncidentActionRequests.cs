using ExecOps.Workflows;
using ExecOps.Workflows.Incidents;
using static ExecOps.Cards.Incidents.IncidentActions;

namespace ExecOps.Cards.Incidents;

/// <summary>A press on the incident card, read into the same typed requests as the commands, with the version the card showed.</summary>
public static class IncidentActionRequests
{
    public static IncidentRequest Parse(string actionId, IReadOnlyDictionary<string, string> data)
    {
        var id = data.GetValueOrDefault(Data.Incident)
            ?? throw new RefusedException(RefusalKind.Invalid, "That button carried no incident id; ask for a fresh card with `/incident show INC-n`.");
        if (actionId == IncidentRefresh) return new ShowIncident(id);
        var seen = CardVersion.Seen(data);
        IncidentRequest request = actionId switch
        {
            IncidentUpdate => new PostStatusUpdate(id, data.GetValueOrDefault(Data.Text) ?? ""),
            IncidentPublishStatus => new PublishStatusPage(id),
            IncidentPostmortem => new WritePostmortem(id, Blank(data, Data.Cause), Blank(data, Data.Summary),
                Blank(data, Data.Systemic) is { } systemic ? [new PreventionItem(systemic, Systemic: true)] : []),
            _ => new TakeStep(id, StepOf(actionId)),
        };
        return request with { Seen = seen };
    }

    private static IncidentTrigger StepOf(string actionId) =>
        Enum.TryParse<IncidentTrigger>(actionId[IncidentStepPrefix.Length..], ignoreCase: true, out var step) && Incident.Steps.Contains(step)
            ? step
            : throw new RefusedException(RefusalKind.Invalid, $"The button `{actionId}` is not an incident step I know.");

    private static string? Blank(IReadOnlyDictionary<string, string> data, string key) =>
        data.GetValueOrDefault(key) is { Length: > 0 } value ? value : null;
}
