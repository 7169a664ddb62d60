using ExecOps.Workflows.StateMachines;

namespace ExecOps.Tests.Workflows.StateMachines;

public sealed class ReentryTests
{
    private enum Phone { Connected, OnHold }

    private enum Call { Hold, Resume }

    [Fact]
    public void Reentry_leaves_and_enters_the_same_state_again()
    {
        var log = new List<string>();
        var phone = Phone.OnHold;
        var machine = new StateMachine<Phone, Call>(() => phone, state => { phone = state; log.Add($"stored {state}"); });
        machine.Configure(Phone.Connected).OnEntry(_ => log.Add("enter Connected")).OnExit(_ => log.Add("exit Connected"));
        machine.Configure(Phone.OnHold)
            .SubstateOf(Phone.Connected)
            .PermitReentry(Call.Hold)
            .OnEntryFrom(Call.Hold, _ => log.Add("restart hold music"))
            .OnEntry(_ => log.Add("enter OnHold"))
            .OnExit(_ => log.Add("exit OnHold"));

        var transition = machine.Fire(Call.Hold);

        log.Should().Equal("exit OnHold", "stored OnHold", "restart hold music", "enter OnHold");
        transition.Should().Be(new Transition<Phone, Call>(Phone.OnHold, Phone.OnHold, Call.Hold, IsInternal: false));
        transition.IsReentry.Should().BeTrue();
        phone.Should().Be(Phone.OnHold);
    }
}
