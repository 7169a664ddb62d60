namespace ExecOps.Workflows.StateMachines;

/// <summary>
/// The answer to "could this trigger fire now?", with the reasons when it could not,
/// so callers can explain a refusal without catching an exception.
/// </summary>
public sealed record TransitionCheck<TState, TTrigger>(
    bool IsAllowed,
    TState State,
    TTrigger Trigger,
    IReadOnlyList<string> Reasons);
