namespace ExecOps.Workflows.StateMachines;

/// <summary>
/// The states an external transition leaves (innermost first) and enters (outermost first).
/// A state never configured has no actions, so it simply does not appear.
/// </summary>
internal sealed record TransitionPath<TState, TTrigger>(
    IReadOnlyList<StateConfiguration<TState, TTrigger>> Left,
    IReadOnlyList<StateConfiguration<TState, TTrigger>> Entered)
    where TState : struct, Enum
    where TTrigger : struct, Enum
{
    public static TransitionPath<TState, TTrigger> Between(
        StateConfiguration<TState, TTrigger>? source,
        StateConfiguration<TState, TTrigger>? destination,
        bool isReentry)
    {
        var sourceChain = source?.SelfAndSuperstates().ToList() ?? [];
        var destinationChain = destination?.SelfAndSuperstates().ToList() ?? [];

        if (isReentry || source == destination)
        {
            var left = sourceChain.TakeWhile(level => level != destination).ToList();
            if (destination is not null)
            {
                left.Add(destination);
                return new(left, [destination]);
            }

            return new(left, []);
        }

        // States shared by both chains stay active, which is why moving between siblings
        // does not leave or re-enter their common superstate.
        var shared = sourceChain.FirstOrDefault(destinationChain.Contains);
        var leaving = sourceChain.TakeWhile(level => level != shared).ToList();
        var entering = destinationChain.TakeWhile(level => level != shared).Reverse().ToList();
        return new(leaving, entering);
    }
}
