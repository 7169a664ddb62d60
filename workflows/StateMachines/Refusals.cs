using System.Text.RegularExpressions;

namespace ExecOps.Workflows.StateMachines;

public static partial class Refusals
{
    /// <summary>
    /// Fires the trigger, or refuses in words: "CHG-3 is Completed, so start is not possible", with
    /// what it would need when only a guard stood in the way.
    /// </summary>
    public static void FireOrRefuse<TState, TTrigger>(this StateMachine<TState, TTrigger> machine, TTrigger trigger, string subject, string? id = null)
        where TState : struct, Enum where TTrigger : struct, Enum
    {
        var check = machine.Check(trigger);
        if (!check.IsAllowed)
            throw new RefusedException(RefusalKind.NotAllowedNow,
                $"{subject} is {Words(check.State)}, so {Words(trigger)} is not possible" + (check.Needs.Count > 0 ? $": that needs {string.Join("; ", check.Needs)}." : "."), id);
        machine.Fire(trigger);
    }

    /// <summary>`PendingApproval` as a reader says it: "pending approval".</summary>
    public static string Words<T>(T value) where T : struct, Enum => Capital().Replace(value.ToString(), " $0").Trim().ToLowerInvariant();

    [GeneratedRegex("[A-Z]")]
    private static partial Regex Capital();
}
