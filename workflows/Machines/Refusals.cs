using System.Text.RegularExpressions;
using Stateless;
using ExecOps.Workflows.Kernel;

namespace ExecOps.Workflows.Machines;

/// <summary>
/// The answer to "could this trigger fire now?", with what it would need when only its guards stood in the
/// way; <see cref="Needs"/> is empty when the state does not take the trigger at all.
/// </summary>
public sealed record TransitionCheck(bool IsAllowed, IReadOnlyList<string> Needs);

/// <summary>How a machine's "no" reaches a person: in words, naming the unmet guard or the state.</summary>
public static partial class Refusals
{
    public static TransitionCheck Check<TState, TTrigger>(this StateMachine<TState, TTrigger> machine, TTrigger trigger)
    {
        // Stateless hands back null for a trigger the state does not take, and the guards' descriptions when a guard failed.
        var allowed = machine.CanFire(trigger, out var unmet);
        return new(allowed, allowed || unmet is null ? [] : unmet.Distinct().ToList());
    }

    /// <summary>The triggers that could fire now, in declaration order, so buttons built from them keep a stable order.</summary>
    public static IReadOnlyList<TTrigger> Permitted<TState, TTrigger>(this StateMachine<TState, TTrigger> machine, IEnumerable<TTrigger> among) =>
        among.Where(machine.CanFire).ToList();

    /// <summary>
    /// Fires the trigger, or refuses in words: "CHG-3 is completed, so start is not possible", with
    /// what it would need when only a guard stood in the way.
    /// </summary>
    public static void FireOrRefuse<TState, TTrigger>(this StateMachine<TState, TTrigger> machine, TTrigger trigger, string subject, string? id = null)
        where TState : struct, Enum where TTrigger : struct, Enum
    {
        var check = machine.Check(trigger);
        if (!check.IsAllowed)
            throw new RefusedException(RefusalKind.NotAllowedNow,
                $"{subject} is {Words(machine.State)}, so {Words(trigger)} is not possible" + (check.Needs.Count > 0 ? $": that needs {string.Join("; ", check.Needs)}." : "."), id);
        machine.Fire(trigger);
    }

    /// <summary>`PendingApproval` as a reader says it: "pending approval".</summary>
    public static string Words<T>(T value) where T : struct, Enum => Words(value.ToString());

    public static string Words(string name) => Capital().Replace(name, " $0").Trim().ToLowerInvariant();

    [GeneratedRegex("[A-Z]")]
    private static partial Regex Capital();
}
