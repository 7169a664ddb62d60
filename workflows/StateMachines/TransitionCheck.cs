namespace ExecOps.Workflows.StateMachines;

/// <summary>
/// The answer to "could this trigger fire now?", with the reasons when it could not,
/// so callers can explain a refusal without catching an exception.
/// </summary>
public sealed record TransitionCheck<TState, TTrigger>(
    bool IsAllowed,
    TState State,
    TTrigger Trigger,
    IReadOnlyList<string> Reasons,
    bool GuardsFailed = false)
{
    /// <summary>What the refused trigger would need, when only its guards stood in the way; empty when the state does not take it at all.</summary>
    public IReadOnlyList<string> Needs => GuardsFailed ? Reasons : [];
}
