using ExecOps.Workflows;
using ExecOps.Workflows.Machines;
using Stateless;

namespace ExecOps.Tests.Workflows.Machines;

/// <summary>
/// A machine's whole transition table as test cases: every stored state against every trigger, with
/// where it leads (its own state for an internal or ignored trigger) or null where it is refused.
/// </summary>
internal static class MachineTable
{
    public static TheoryData<TState, TTrigger, TState?> Every<TState, TTrigger>(IReadOnlyDictionary<(TState, TTrigger), TState> allowed, params TState[] stored)
        where TState : struct, Enum where TTrigger : struct, Enum
    {
        var data = new TheoryData<TState, TTrigger, TState?>();
        foreach (var state in stored.Length > 0 ? stored : Enum.GetValues<TState>())
            foreach (var trigger in Enum.GetValues<TTrigger>())
                data.Add(state, trigger, allowed.TryGetValue((state, trigger), out var to) ? to : null);
        return data;
    }

    /// <summary>Fires an allowed trigger and checks where it led; checks that a refused one is refused in words and moves nothing.</summary>
    public static void Holds<TState, TTrigger>(StateMachine<TState, TTrigger> machine, TState from, TTrigger trigger, TState? to)
        where TState : struct, Enum where TTrigger : struct, Enum
    {
        if (to is null)
        {
            machine.CanFire(trigger).Should().BeFalse($"{trigger} must be refused while {from}");
            FluentActions.Invoking(() => machine.FireOrRefuse(trigger, "it")).Should().Throw<RefusedException>()
                .Which.Message.Should().StartWith($"it is {Refusals.Words(from)}, so {Refusals.Words(trigger)} is not possible");
            machine.State.Should().Be(from);
            return;
        }
        machine.CanFire(trigger).Should().BeTrue($"{trigger} must be allowed while {from}");
        machine.Fire(trigger);
        machine.State.Should().Be(to.Value);
    }
}
