using ExecOps.Workflows;
using ExecOps.Workflows.Commands;
using ExecOps.Workflows.Incidents;

namespace ExecOps.Tests.Workflows.Incidents;

public sealed class IncidentCommandsTests
{
    private static IncidentRequest Parse(string text) => IncidentCommands.Parse(CommandParser.Parse(text), IncidentBuilder.Start);

    [Fact]
    public void Declare_takes_severity_title_service_and_impact()
    {
        Parse("/incident declare sev1 \"Checkout 5xx\" service:payments impact:\"EU cards\"")
            .Should().Be(new DeclareIncident(Severity.Sev1, "Checkout 5xx", "payments", "EU cards"));
    }

    [Fact]
    public void An_unquoted_title_is_the_rest_of_the_words()
    {
        Parse("/incident declare 2 Checkout is slow").Should().Be(new DeclareIncident(Severity.Sev2, "Checkout is slow", null, null));
    }

    [Fact]
    public void The_incident_id_may_stand_anywhere_and_in_any_case()
    {
        Parse("/incident update inc-4 \"Rolled back\"").Should().Be(new PostStatusUpdate("inc-4", "Rolled back"));
        Parse("/incident resolve INC-12").Should().Be(new TakeStep("INC-12", IncidentTrigger.Resolve));
        Parse("/incident sev 2").Should().Be(new SetSeverity(null, Severity.Sev2));
    }

    [Fact]
    public void Role_takes_the_role_and_a_mention()
    {
        Parse("/incident role comms @priya").Should().Be(new GiveRole(null, IncidentRole.Comms, "priya"));
        Parse("/incident role ic @sam").Should().BeOfType<GiveRole>().Which.Role.Should().Be(IncidentRole.Commander);
    }

    [Fact]
    public void Postmortem_separates_systemic_from_local_prevention()
    {
        var request = Parse("/incident postmortem cause:capacity summary:\"Ran out of DB connections\" systemic:\"Pool limits in the service template\" prevent:\"Raise the pool\"")
            .Should().BeOfType<WritePostmortem>().Subject;

        request.RootCause.Should().Be("capacity");
        request.Prevention.Should().BeEquivalentTo([new PreventionItem("Pool limits in the service template", true), new PreventionItem("Raise the pool", false)]);
    }

    [Fact]
    public void Trends_defaults_to_this_month_and_reads_YYYY_MM()
    {
        Parse("/incident trends").Should().Be(new ShowTrends(2026, 11));
        Parse("/incident trends 2026-09").Should().Be(new ShowTrends(2026, 9));
    }

    [Theory]
    [InlineData("/incident declare", "severity and title are missing", "/incident declare <sev1|sev2|sev3|sev4>")]
    [InlineData("/incident declare sev1", "title is missing", "Usage")]
    [InlineData("/incident update", "update text is missing", "/incident update [INC-n]")]
    [InlineData("/incident role ops", "Who?", "@person")]
    [InlineData("/incident comms fax", "statuspage, email, inapp", "Usage")]
    [InlineData("/incident trends last-month", "not a month", "YYYY-MM")]
    [InlineData("/incident frobnicate", "not a command", "/incident declare")]
    public void A_syntax_error_says_what_was_wrong_and_shows_the_usage(string text, string what, string usage)
    {
        var parse = () => Parse(text);

        parse.Should().Throw<CommandSyntaxException>().Which.Message.Should().Contain(what).And.Contain(usage);
    }

    [Theory]
    [InlineData("/incident declare sev5 \"x\"", "`sev5` is not a severity")]
    [InlineData("/incident role janitor @bob", "`janitor` is not an incident role")]
    public void A_bad_value_is_refused_with_the_values_allowed(string text, string message)
    {
        var parse = () => Parse(text);

        parse.Should().Throw<RefusedException>().Which.Message.Should().Contain(message);
    }

    [Fact]
    public void Only_reading_verbs_are_open_to_strangers()
    {
        IncidentCommands.IsReadOnly("show").Should().BeTrue();
        IncidentCommands.IsReadOnly("list").Should().BeTrue();
        IncidentCommands.IsReadOnly("declare").Should().BeFalse();
        IncidentCommands.IsReadOnly("resolve").Should().BeFalse();
        IncidentCommands.IsReadOnly("nonsense").Should().BeFalse();
    }
}
