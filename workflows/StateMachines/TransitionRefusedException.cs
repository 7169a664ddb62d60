namespace ExecOps.Workflows.StateMachines;

/// <summary>Thrown by Fire so that a refused trigger can never be mistaken for one that happened.</summary>
public sealed class TransitionRefusedException<TState, TTrigger> : InvalidOperationException
{
    public TransitionRefusedException(TState state, TTrigger trigger, IReadOnlyList<string> reasons)
        : base(string.Join("; ", reasons))
    {
        State = state;
        Trigger = trigger;
        Reasons = reasons;
    }

    public TState State { get; }

    public TTrigger Trigger { get; }

    public IReadOnlyList<string> Reasons { get; }
}
