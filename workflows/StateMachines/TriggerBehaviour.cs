namespace ExecOps.Workflows.StateMachines;

/// <summary>
/// One configured answer to a trigger in one state. For reentry, internal and ignored
/// behaviours the destination is the state that configured them.
/// </summary>
internal sealed record TriggerBehaviour<TState, TTrigger>(
    TriggerBehaviourKind Kind,
    TTrigger Trigger,
    TState Destination,
    IReadOnlyList<Guard> Guards,
    Action<Transition<TState, TTrigger>>? Action)
    where TState : struct, Enum
    where TTrigger : struct, Enum
{
    public bool IsUnconditional => Guards.Count == 0;

    public bool Answers(TTrigger trigger) => EqualityComparer<TTrigger>.Default.Equals(Trigger, trigger);

    // Every guard is evaluated, not just up to the first failure, so a refusal lists all its reasons at once.
    public IReadOnlyList<string> FailedGuardDescriptions() =>
        Guards.Where(guard => !guard.Condition()).Select(guard => guard.Description).ToList();
}
