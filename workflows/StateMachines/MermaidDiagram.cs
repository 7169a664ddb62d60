namespace ExecOps.Workflows.StateMachines;

/// <summary>
/// Renders a configured machine as a Mermaid stateDiagram-v2, in configuration order so that the text
/// is stable enough to pin in a test and to diff in review.
/// </summary>
internal static class MermaidDiagram<TState, TTrigger>
    where TState : struct, Enum
    where TTrigger : struct, Enum
{
    private const string Indent = "    ";

    public static string Render(IReadOnlyList<StateConfiguration<TState, TTrigger>> configurations, TState initial)
    {
        var lines = new List<string> { "stateDiagram-v2", $"{Indent}[*] --> {initial}" };

        foreach (var configuration in configurations)
        {
            lines.AddRange(configuration.Behaviours
                .Where(behaviour => behaviour.Kind != TriggerBehaviourKind.Ignore)
                .Select(behaviour => Indent + TransitionLine(configuration.State, behaviour)));
        }

        foreach (var root in configurations.Where(configuration => configuration.Superstate is null))
        {
            AddBlock(root, configurations, lines, Indent);
        }

        lines.AddRange(FinalStates(configurations, initial).Select(final => $"{Indent}{final} --> [*]"));
        return string.Join("\n", lines);
    }

    private static string TransitionLine(TState state, TriggerBehaviour<TState, TTrigger> behaviour)
    {
        var label = behaviour.Kind == TriggerBehaviourKind.Internal
            ? $"{behaviour.Trigger} (internal)"
            : behaviour.Trigger.ToString();
        var guards = behaviour.Guards.Count == 0
            ? string.Empty
            : $" [{string.Join(" and ", behaviour.Guards.Select(guard => Sanitized(guard.Description)))}]";
        var destination = behaviour.Kind == TriggerBehaviourKind.Permit ? behaviour.Destination : state;
        return $"{state} --> {destination} : {label}{guards}";
    }

    private static void AddBlock(
        StateConfiguration<TState, TTrigger> superstate,
        IReadOnlyList<StateConfiguration<TState, TTrigger>> configurations,
        List<string> lines,
        string indent)
    {
        var substates = configurations.Where(configuration => configuration.Superstate == superstate).ToList();
        if (substates.Count == 0)
        {
            return;
        }

        lines.Add($"{indent}state {superstate.State} {{");
        foreach (var substate in substates)
        {
            if (configurations.Any(configuration => configuration.Superstate == substate))
            {
                AddBlock(substate, configurations, lines, indent + Indent);
            }
            else
            {
                lines.Add($"{indent}{Indent}{substate.State}");
            }
        }

        lines.Add($"{indent}}}");
    }

    // A state is final when it can be reached but nothing, neither its own configuration nor a superstate's,
    // leads anywhere from it.
    private static IEnumerable<TState> FinalStates(
        IReadOnlyList<StateConfiguration<TState, TTrigger>> configurations, TState initial)
    {
        var reached = configurations
            .SelectMany(configuration => configuration.Behaviours)
            .Where(behaviour => behaviour.Kind == TriggerBehaviourKind.Permit)
            .Select(behaviour => behaviour.Destination)
            .Prepend(initial)
            .Distinct();

        return reached.Where(state =>
        {
            var configuration = configurations.FirstOrDefault(candidate =>
                EqualityComparer<TState>.Default.Equals(candidate.State, state));
            return configuration is null || !configuration.SelfAndSuperstates()
                .SelectMany(level => level.Behaviours)
                .Any(behaviour => behaviour.Kind != TriggerBehaviourKind.Ignore);
        });
    }

    private static string Sanitized(string description) =>
        description
            .Replace(":", " -", StringComparison.Ordinal)
            .Replace("\"", string.Empty, StringComparison.Ordinal)
            .Replace(";", string.Empty, StringComparison.Ordinal)
            .Replace("{", string.Empty, StringComparison.Ordinal)
            .Replace("}", string.Empty, StringComparison.Ordinal);
}
