using System.Net;
using ExecOps.Tests.Support;

namespace ExecOps.Tests.Bot.Slack;

/// <summary>Slack's three-second rule: with no time left to answer in the response, the answer goes to response_url.</summary>
public sealed class SlackSlowCommandTests : SlackBotTest
{
    protected override Dictionary<string, string?> Settings() => new() { ["Slack:AnswerBudget"] = "00:00:00" };

    [Fact]
    public async Task A_command_that_misses_the_answer_budget_is_acknowledged_and_answered_through_response_url()
    {
        var response = await Requests.CommandAsync("U01ALICE01", "/incident", "list", Slack.ResponseUrl("slow"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().BeEmpty();
        var late = await Slack.WaitForAsync("response_url");
        late.Text("text").Should().Contain("No open incidents");
        late.Text("response_type").Should().Be("ephemeral");
    }
}
