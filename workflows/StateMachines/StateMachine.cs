namespace ExecOps.Workflows.StateMachines;

/// <summary>Not thread-safe by design: use one machine per aggregate instance per request.</summary>
/// <remarks>
/// The state lives outside the machine (for example in a database row) and is read through the accessor
/// each time, so the machine never holds a stale copy.
/// </remarks>
public sealed class StateMachine<TState, TTrigger>
    where TState : struct, Enum
    where TTrigger : struct, Enum
{
    private readonly Func<TState> stateAccessor;
    private readonly Action<TState> stateMutator;
    private readonly Dictionary<TState, StateConfiguration<TState, TTrigger>> configurations = [];
    private readonly List<StateConfiguration<TState, TTrigger>> configurationOrder = [];

    public StateMachine(Func<TState> stateAccessor, Action<TState> stateMutator)
    {
        ArgumentNullException.ThrowIfNull(stateAccessor);
        ArgumentNullException.ThrowIfNull(stateMutator);
        this.stateAccessor = stateAccessor;
        this.stateMutator = stateMutator;
    }

    public TState State => stateAccessor();

    public IReadOnlyList<TTrigger> PermittedTriggers
    {
        get
        {
            var state = State;
            var candidates = ConfigurationOf(state)?.SelfAndSuperstates()
                .SelectMany(level => level.Behaviours)
                .Select(behaviour => behaviour.Trigger)
                .Distinct() ?? [];
            return candidates
                .Where(trigger => Resolve(state, trigger) is { IsAllowed: true } resolution
                    && resolution.Behaviour.Kind != TriggerBehaviourKind.Ignore)
                .ToList();
        }
    }

    public StateConfiguration<TState, TTrigger> Configure(TState state)
    {
        if (configurations.TryGetValue(state, out var existing))
        {
            return existing;
        }

        var created = new StateConfiguration<TState, TTrigger>(state, Configure);
        configurations.Add(state, created);
        configurationOrder.Add(created);
        return created;
    }

    public bool CanFire(TTrigger trigger) => Resolve(State, trigger).IsAllowed;

    /// <remarks>A refusal is reported, not thrown; an exception thrown by a guard itself still propagates.</remarks>
    public TransitionCheck<TState, TTrigger> Check(TTrigger trigger)
    {
        var state = State;
        var resolution = Resolve(state, trigger);
        return new(resolution.IsAllowed, state, trigger, resolution.Reasons, resolution.GuardsFailed);
    }

    public Transition<TState, TTrigger> Fire(TTrigger trigger)
    {
        var source = State;
        var resolution = Resolve(source, trigger);
        if (!resolution.IsAllowed)
        {
            throw new TransitionRefusedException<TState, TTrigger>(source, trigger, resolution.Reasons);
        }

        var behaviour = resolution.Behaviour;
        switch (behaviour.Kind)
        {
            case TriggerBehaviourKind.Ignore:
                return new(source, source, trigger, IsInternal: false, IsIgnored: true);
            case TriggerBehaviourKind.Internal:
                var internalTransition = new Transition<TState, TTrigger>(source, source, trigger, IsInternal: true);
                behaviour.Action?.Invoke(internalTransition);
                return internalTransition;
            default:
                return MoveTo(behaviour.Destination, source, trigger, behaviour.Kind == TriggerBehaviourKind.Reentry);
        }
    }

    public string ToMermaid(TState initial) => MermaidDiagram<TState, TTrigger>.Render(configurationOrder, initial);

    private Transition<TState, TTrigger> MoveTo(TState destination, TState source, TTrigger trigger, bool isReentry)
    {
        var transition = new Transition<TState, TTrigger>(source, destination, trigger, IsInternal: false);
        var path = TransitionPath<TState, TTrigger>.Between(ConfigurationOf(source), ConfigurationOf(destination), isReentry);

        foreach (var left in path.Left)
        {
            left.Exit(transition);
        }

        stateMutator(destination);

        foreach (var entered in path.Entered)
        {
            entered.Enter(transition);
        }

        return transition;
    }

    private TriggerResolution<TState, TTrigger> Resolve(TState state, TTrigger trigger) =>
        TriggerResolution<TState, TTrigger>.Find(ConfigurationOf(state), state, trigger);

    private StateConfiguration<TState, TTrigger>? ConfigurationOf(TState state) =>
        configurations.GetValueOrDefault(state);
}
