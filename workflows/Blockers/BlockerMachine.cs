using Stateless;
using static ExecOps.Workflows.Blockers.BlockerState;
using static ExecOps.Workflows.Blockers.BlockerTrigger;

namespace ExecOps.Workflows.Blockers;

/// <summary>Who the ladder is now, for the machine's guards: whether the one acting stands on it, and whether a rung is left above.</summary>
internal sealed record BlockerAuthority(Func<bool> OnLadder, Func<bool> MayUnblock, Func<bool> RungAbove);

/// <summary>
/// The one place that says what happens to a blocker (seed §10: an escalation ladder for blockers past 48 h). While open, its
/// SLA running out takes it up a rung (the team's lead, its exec, the CEO), and again, until the top; anyone on the ladder may
/// reassign it to another team (back to that team's rung, a fresh clock) or accept the delay until a date, when it resumes its
/// climb. Whoever opened it, or anyone on the ladder, clears it, once.
/// </summary>
internal static class BlockerMachine
{
    public const string Ladder = "the blocked-on team's lead, its exec, the CEO or an admin";
    public const string Unblockers = "whoever opened it, or " + Ladder;
    public const string Top = "a rung above the current one (the CEO is the top)";

    public static StateMachine<BlockerState, BlockerTrigger> For(BlockerData blocker, BlockerAuthority authority)
    {
        var machine = new StateMachine<BlockerState, BlockerTrigger>(() => blocker.State, s => blocker.State = s);
        machine.Configure(Open)
            .Permit(Escalate, Escalated)
            .PermitIf(Unblock, Unblocked, authority.MayUnblock, Unblockers)
            .PermitReentryIf(Reassign, authority.OnLadder, Ladder)
            .PermitIf(AcceptDelay, DelayAccepted, authority.OnLadder, Ladder);
        machine.Configure(Escalated)
            .PermitReentryIf(Escalate, authority.RungAbove, Top)
            .PermitIf(Unblock, Unblocked, authority.MayUnblock, Unblockers)
            .PermitIf(Reassign, Open, authority.OnLadder, Ladder)
            .PermitIf(AcceptDelay, DelayAccepted, authority.OnLadder, Ladder);
        machine.Configure(DelayAccepted)
            .Permit(Resume, Escalated)
            .PermitIf(Unblock, Unblocked, authority.MayUnblock, Unblockers)
            .PermitIf(Reassign, Open, authority.OnLadder, Ladder);
        return machine;
    }
}

/// <summary>What a blocker's state means to those who read it.</summary>
public static class BlockerStates
{
    extension(BlockerData blocker)
    {
        public bool IsCleared => blocker.State == Unblocked;
    }
}
