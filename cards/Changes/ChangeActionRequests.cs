using ExecOps.Workflows;
using ExecOps.Workflows.Changes;

namespace ExecOps.Cards.Changes;

/// <summary>A press on a change card or the new-change form, read into a typed request from the action id and the fields the card sent.</summary>
public static class ChangeActionRequests
{
    /// <summary>Every id the change cards and form may carry, registered by the change area.</summary>
    public static readonly IReadOnlyList<string> Ids = [ChangeCard.Approve, ChangeCard.Reject, ChangeCard.Refresh, ChangeLinkCard.Link, NewChangeCard.New];

    public static ChangeRequest Parse(string actionId, IReadOnlyDictionary<string, string> data)
    {
        string? Field(string key) => data.GetValueOrDefault(key) is { Length: > 0 } value ? value : null;
        if (actionId == NewChangeCard.New)
            return new OpenChange(ChangeCommands.Tier(Field("tier")), Field("service") ?? "", Field("title") ?? "",
                new ChangeInput(Field("scope"), Field("rollback"), Field("metrics"), Field("owner"), null, null, null, null, null, null));
        var id = data.GetValueOrDefault(ChangeCard.Change) ?? throw new RefusedException(RefusalKind.Invalid, "That button carried no change id; ask for a fresh card with `/change show CHG-n`.");
        if (actionId == ChangeCard.Refresh) return new ShowChange(id);
        if (actionId == ChangeLinkCard.Link)
            return new LinkChangeToIncident(id, data.GetValueOrDefault(ChangeLinkCard.Incident) ?? throw new RefusedException(RefusalKind.Invalid, "That button carried no incident id."));
        var seen = CardVersion.Seen(data);
        return new DecideChange(id, actionId == ChangeCard.Approve, data.GetValueOrDefault(ChangeCard.Reason), seen);
    }
}
