using System.Diagnostics.CodeAnalysis;

namespace ExecOps.Workflows.StateMachines;

/// <summary>Which behaviour a trigger would use in a state, or why none can be used.</summary>
internal sealed class TriggerResolution<TState, TTrigger>
    where TState : struct, Enum
    where TTrigger : struct, Enum
{
    private TriggerResolution(TriggerBehaviour<TState, TTrigger>? behaviour, IReadOnlyList<string> reasons, bool guardsFailed = false)
    {
        Behaviour = behaviour;
        Reasons = reasons;
        GuardsFailed = guardsFailed;
    }

    /// <summary>True when the trigger is configured here but every guard on it failed.</summary>
    public bool GuardsFailed { get; }

    public TriggerBehaviour<TState, TTrigger>? Behaviour { get; }

    public IReadOnlyList<string> Reasons { get; }

    [MemberNotNullWhen(true, nameof(Behaviour))]
    public bool IsAllowed => Behaviour is not null;

    // The nearest state that mentions the trigger decides alone, even when all its guards fail:
    // a substate that narrows its superstate's permission with a guard must be able to refuse.
    public static TriggerResolution<TState, TTrigger> Find(
        StateConfiguration<TState, TTrigger>? configuration, TState state, TTrigger trigger)
    {
        foreach (var level in configuration?.SelfAndSuperstates() ?? [])
        {
            var candidates = level.BehavioursFor(trigger).ToList();
            if (candidates.Count == 0)
            {
                continue;
            }

            var failedGuards = new List<string>();
            foreach (var candidate in candidates)
            {
                var failed = candidate.FailedGuardDescriptions();
                if (failed.Count == 0)
                {
                    return new(candidate, []);
                }

                failedGuards.AddRange(failed);
            }

            return new(null, failedGuards.Distinct().ToList(), guardsFailed: true);
        }

        return new(null, [$"{trigger} is not allowed while {state}"]);
    }
}
