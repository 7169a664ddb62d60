using Stateless;
using Stateless.Reflection;

namespace ExecOps.Workflows.Machines;

/// <summary>
/// A machine's graph as Mermaid stateDiagram-v2, read from Stateless's <c>GetInfo()</c>. Stateless's own
/// MermaidGraph leaves internal transitions out, and those are most of what an active incident takes,
/// so this draws them as self-loops marked "(internal)"; states come in configuration order, so the
/// text is stable enough to pin in a test and to diff in review.
/// </summary>
public static class MachineGraph
{
    private const string Indent = "    ";

    public static string Mermaid<TState, TTrigger>(StateMachine<TState, TTrigger> machine)
    {
        var info = machine.GetInfo();
        var lines = new List<string> { "stateDiagram-v2", $"{Indent}[*] --> {info.InitialState.UnderlyingState}" };
        var states = info.States.ToList();
        foreach (var state in states)
            lines.AddRange(state.FixedTransitions.Select(t => Indent + Line(state, t)));
        foreach (var root in states.Where(s => s.Superstate is null))
            AddBlock(root, lines, Indent);
        lines.AddRange(states.Where(IsFinal).Select(s => $"{Indent}{s.UnderlyingState} --> [*]"));
        return string.Join("\n", lines);
    }

    private static string Line(StateInfo state, FixedTransitionInfo transition)
    {
        var label = transition.Trigger.UnderlyingTrigger + (transition.IsInternalTransition ? " (internal)" : "");
        // Stateless gives an unguarded internal transition a guard of its own, named by the default description.
        var guards = transition.GuardConditionsMethodDescriptions.Select(g => g.Description)
            .Where(d => d != InvocationInfo.DefaultFunctionDescription).Select(Sanitized).ToList();
        return $"{state.UnderlyingState} --> {transition.DestinationState.UnderlyingState} : {label}" + (guards.Count == 0 ? "" : $" [{string.Join(" and ", guards)}]");
    }

    private static void AddBlock(StateInfo superstate, List<string> lines, string indent)
    {
        var substates = superstate.Substates.ToList();
        if (substates.Count == 0) return;
        lines.Add($"{indent}state {superstate.UnderlyingState} {{");
        foreach (var substate in substates)
        {
            if (substate.Substates.Any()) AddBlock(substate, lines, indent + Indent);
            else lines.Add($"{indent}{Indent}{substate.UnderlyingState}");
        }
        lines.Add($"{indent}}}");
    }

    // Final: nothing leads anywhere from the state, neither its own transitions nor a superstate's.
    private static bool IsFinal(StateInfo state)
    {
        for (var level = state; level is not null; level = level.Superstate)
            if (level.FixedTransitions.Any()) return false;
        return true;
    }

    private static string Sanitized(string description) =>
        description.Replace(":", " -", StringComparison.Ordinal).Replace("\"", "", StringComparison.Ordinal).Replace(";", "", StringComparison.Ordinal)
            .Replace("{", "", StringComparison.Ordinal).Replace("}", "", StringComparison.Ordinal);
}
