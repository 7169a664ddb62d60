namespace ExecOps.Workflows.StateMachines;

/// <summary>What a fired trigger did: handed to entry, exit and internal actions, and returned by Fire.</summary>
public sealed record Transition<TState, TTrigger>(
    TState Source,
    TState Destination,
    TTrigger Trigger,
    bool IsInternal,
    bool IsIgnored = false)
{
    public bool IsReentry => !IsInternal && !IsIgnored && EqualityComparer<TState>.Default.Equals(Source, Destination);
}
