namespace ExecOps.Workflows.StateMachines;

/// <summary>What one state does with each trigger, what runs on entering and leaving it, and where it sits in the hierarchy.</summary>
public sealed class StateConfiguration<TState, TTrigger>
    where TState : struct, Enum
    where TTrigger : struct, Enum
{
    private readonly Func<TState, StateConfiguration<TState, TTrigger>> configure;
    private readonly List<TriggerBehaviour<TState, TTrigger>> behaviours = [];
    private readonly List<(TTrigger Trigger, Action<Transition<TState, TTrigger>> Action)> entryFromActions = [];
    private readonly List<Action<Transition<TState, TTrigger>>> entryActions = [];
    private readonly List<Action<Transition<TState, TTrigger>>> exitActions = [];

    internal StateConfiguration(TState state, Func<TState, StateConfiguration<TState, TTrigger>> configure)
    {
        State = state;
        this.configure = configure;
    }

    public TState State { get; }

    internal StateConfiguration<TState, TTrigger>? Superstate { get; private set; }

    internal IReadOnlyList<TriggerBehaviour<TState, TTrigger>> Behaviours => behaviours;

    public StateConfiguration<TState, TTrigger> Permit(TTrigger trigger, TState destination) =>
        PermitIf(trigger, destination);

    public StateConfiguration<TState, TTrigger> PermitIf(
        TTrigger trigger, TState destination, Func<bool> guard, string guardDescription) =>
        PermitIf(trigger, destination, new Guard(guard, guardDescription));

    public StateConfiguration<TState, TTrigger> PermitIf(TTrigger trigger, TState destination, params Guard[] guards)
    {
        if (EqualityComparer<TState>.Default.Equals(destination, State))
        {
            throw new ArgumentException(
                $"{State} cannot permit {trigger} back to itself; use PermitReentry, InternalTransition or Ignore.",
                nameof(destination));
        }

        return Add(new(TriggerBehaviourKind.Permit, trigger, destination, Validated(guards), null));
    }

    public StateConfiguration<TState, TTrigger> PermitReentry(TTrigger trigger) =>
        Add(new(TriggerBehaviourKind.Reentry, trigger, State, [], null));

    public StateConfiguration<TState, TTrigger> InternalTransition(
        TTrigger trigger, Action<Transition<TState, TTrigger>> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return Add(new(TriggerBehaviourKind.Internal, trigger, State, [], action));
    }

    public StateConfiguration<TState, TTrigger> InternalTransitionIf(
        TTrigger trigger, Func<bool> guard, string guardDescription, Action<Transition<TState, TTrigger>> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var guards = Validated([new Guard(guard, guardDescription)]);
        return Add(new(TriggerBehaviourKind.Internal, trigger, State, guards, action));
    }

    public StateConfiguration<TState, TTrigger> Ignore(TTrigger trigger) =>
        Add(new(TriggerBehaviourKind.Ignore, trigger, State, [], null));

    public StateConfiguration<TState, TTrigger> OnEntry(Action<Transition<TState, TTrigger>> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        entryActions.Add(action);
        return this;
    }

    public StateConfiguration<TState, TTrigger> OnEntryFrom(TTrigger trigger, Action<Transition<TState, TTrigger>> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        entryFromActions.Add((trigger, action));
        return this;
    }

    public StateConfiguration<TState, TTrigger> OnExit(Action<Transition<TState, TTrigger>> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        exitActions.Add(action);
        return this;
    }

    public StateConfiguration<TState, TTrigger> SubstateOf(TState superstate)
    {
        var parent = configure(superstate);
        if (Superstate is not null && Superstate != parent)
        {
            throw new InvalidOperationException($"{State} is already a substate of {Superstate.State}, so it cannot also be one of {superstate}.");
        }

        for (var level = parent; level is not null; level = level.Superstate)
        {
            if (level == this)
            {
                throw new InvalidOperationException($"{State} cannot be a substate of {superstate}: it would become its own superstate.");
            }
        }

        Superstate = parent;
        return this;
    }

    internal IEnumerable<TriggerBehaviour<TState, TTrigger>> BehavioursFor(TTrigger trigger) =>
        behaviours.Where(behaviour => behaviour.Answers(trigger));

    internal IEnumerable<StateConfiguration<TState, TTrigger>> SelfAndSuperstates()
    {
        for (var level = this; level is not null; level = level.Superstate)
        {
            yield return level;
        }
    }

    internal void Enter(Transition<TState, TTrigger> transition)
    {
        foreach (var (trigger, action) in entryFromActions)
        {
            if (EqualityComparer<TTrigger>.Default.Equals(trigger, transition.Trigger))
            {
                action(transition);
            }
        }

        foreach (var action in entryActions)
        {
            action(transition);
        }
    }

    internal void Exit(Transition<TState, TTrigger> transition)
    {
        foreach (var action in exitActions)
        {
            action(transition);
        }
    }

    // Copied so that a caller reusing its params array cannot change a machine that is already configured.
    private static Guard[] Validated(Guard[] guards)
    {
        ArgumentNullException.ThrowIfNull(guards);
        foreach (var guard in guards)
        {
            ArgumentNullException.ThrowIfNull(guard);
            ArgumentNullException.ThrowIfNull(guard.Condition);
            ArgumentNullException.ThrowIfNull(guard.Description);
        }

        return guards.ToArray();
    }

    // An unconditional behaviour always wins, so a second one for the same trigger, or any behaviour after it,
    // could never be chosen: that is a configuration mistake worth failing on at startup.
    private StateConfiguration<TState, TTrigger> Add(TriggerBehaviour<TState, TTrigger> behaviour)
    {
        if (BehavioursFor(behaviour.Trigger).Any(existing => existing.IsUnconditional))
        {
            throw new InvalidOperationException(
                $"{State} already answers {behaviour.Trigger} unconditionally; configuring {behaviour.Trigger} again in {State} is ambiguous.");
        }

        behaviours.Add(behaviour);
        return this;
    }
}
