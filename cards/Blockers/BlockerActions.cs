namespace ExecOps.Cards.Blockers;

/// <summary>The blocker card's actions and the data keys they carry.</summary>
public static class BlockerActions
{
    public const string Unblock = "blocker.unblock";
    public const string Reassign = "blocker.reassign";
    public const string AcceptDelay = "blocker.accept";

    public static readonly IReadOnlyList<string> All = [Unblock, Reassign, AcceptDelay];

    public const string Blocker = "blocker";
    public const string Note = "note";
    public const string Team = "team";
    public const string Until = "until";
    public const string Reason = "reason";
}
