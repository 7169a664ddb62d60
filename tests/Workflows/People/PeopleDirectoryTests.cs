using ExecOps.Workflows.People;

namespace ExecOps.Tests.Workflows.People;

public sealed class PeopleDirectoryTests
{
    private static readonly Person Alice = new("alice", "Alice Chen", "alice.chen@example.com", new HashSet<string> { Roles.IncidentCommander },
        new Dictionary<string, string> { ["slack"] = "U01ALICE01", ["teams"] = "00000000-0000-0000-0000-0000000000a1" });

    private readonly PeopleDirectory directory = new([Alice]);

    [Theory]
    [InlineData("alice")]
    [InlineData("@Alice")]
    [InlineData("ALICE.CHEN@example.com")]
    [InlineData("U01ALICE01")]
    [InlineData("00000000-0000-0000-0000-0000000000a1")]
    public void A_person_is_found_by_id_email_or_any_platform_handle(string handle)
    {
        directory.Find(handle).Should().Be(Alice);
    }

    [Fact]
    public void A_handle_is_looked_up_on_its_own_platform_only()
    {
        directory.FindByHandle("slack", "U01ALICE01").Should().Be(Alice);
        directory.FindByHandle("teams", "U01ALICE01").Should().BeNull();
    }

    [Fact]
    public void Someone_unknown_becomes_a_stranger_actor()
    {
        var actor = directory.ActorFor("U0NOBODY");

        actor.IsKnown.Should().BeFalse();
        actor.Has(Roles.Exec).Should().BeFalse();
        directory.ActorFor("alice").Has(Roles.IncidentCommander).Should().BeTrue();
    }

    [Fact]
    public void Two_people_with_one_id_are_refused_at_start()
    {
        var build = () => new PeopleDirectory([Alice, Alice with { Email = "other@example.com" }]);

        build.Should().Throw<InvalidOperationException>().WithMessage("*'alice' more than once*");
    }
}
