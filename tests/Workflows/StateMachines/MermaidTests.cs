using ExecOps.Workflows.StateMachines;

namespace ExecOps.Tests.Workflows.StateMachines;

public sealed class MermaidTests
{
    private enum Phone { Idle, Ringing, Connected, Talking, OnHold, Destroyed }

    private enum Call { Dial, PickUp, HangUp, Hold, Resume, Mute, Smash }

    [Fact]
    public void A_small_machine_renders_to_a_stable_state_diagram()
    {
        var phone = Phone.Idle;
        var machine = new StateMachine<Phone, Call>(() => phone, state => phone = state);
        machine.Configure(Phone.Idle).Permit(Call.Dial, Phone.Ringing).Permit(Call.Smash, Phone.Destroyed).Ignore(Call.HangUp);
        machine.Configure(Phone.Ringing).PermitIf(Call.PickUp, Phone.Talking, () => true, "line is free").Permit(Call.HangUp, Phone.Idle);
        machine.Configure(Phone.Connected).Permit(Call.HangUp, Phone.Idle).InternalTransition(Call.Mute, _ => { });
        machine.Configure(Phone.Talking).SubstateOf(Phone.Connected).Permit(Call.Hold, Phone.OnHold);
        machine.Configure(Phone.OnHold)
            .SubstateOf(Phone.Connected)
            .PermitIf(Call.Resume, Phone.Talking, new Guard(() => true, "caller: still there"), new Guard(() => true, "not \"muted\"; {really}"))
            .PermitReentry(Call.Hold);

        var diagram = machine.ToMermaid(Phone.Idle);

        diagram.Should().Be(
            """
            stateDiagram-v2
                [*] --> Idle
                Idle --> Ringing : Dial
                Idle --> Destroyed : Smash
                Ringing --> Talking : PickUp [line is free]
                Ringing --> Idle : HangUp
                Connected --> Idle : HangUp
                Connected --> Connected : Mute (internal)
                Talking --> OnHold : Hold
                OnHold --> Talking : Resume [caller - still there and not muted really]
                OnHold --> OnHold : Hold
                state Connected {
                    Talking
                    OnHold
                }
                Destroyed --> [*]
            """.ReplaceLineEndings("\n"));
        machine.ToMermaid(Phone.Idle).Should().Be(diagram);
    }

    [Fact]
    public void Nested_superstates_render_as_nested_blocks_and_an_unleavable_initial_state_is_final()
    {
        var phone = Phone.Idle;
        var machine = new StateMachine<Phone, Call>(() => phone, state => phone = state);
        machine.Configure(Phone.Connected).SubstateOf(Phone.Ringing);
        machine.Configure(Phone.Talking).SubstateOf(Phone.Connected);
        machine.Configure(Phone.OnHold).SubstateOf(Phone.Ringing).InternalTransitionIf(Call.Mute, () => true, "has a mute button", _ => { });

        machine.ToMermaid(Phone.Destroyed).Should().Be(
            """
            stateDiagram-v2
                [*] --> Destroyed
                OnHold --> OnHold : Mute (internal) [has a mute button]
                state Ringing {
                    state Connected {
                        Talking
                    }
                    OnHold
                }
                Destroyed --> [*]
            """.ReplaceLineEndings("\n"));
    }
}
