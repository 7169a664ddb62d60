using ExecOps.Bot.Slack;

namespace ExecOps.Tests.Bot.Slack;

public sealed class SlackTextTests
{
    [Theory]
    [InlineData("role ops <@U01BOB0001|bob>", "role ops @U01BOB0001")]
    [InlineData("role ops <@U01BOB0001>", "role ops @U01BOB0001")]
    [InlineData("update \"see <https://status.example.com/x|status page>\"", "update \"see https://status.example.com/x\"")]
    [InlineData("update \"ping <#C024BE7LR|ops-sev2>\"", "update \"ping #ops-sev2\"")]
    [InlineData("update \"p99 &gt; 2s &amp; rising\"", "update \"p99 > 2s & rising\"")]
    public void Slack_markup_becomes_what_the_person_typed(string text, string expected)
    {
        SlackText.ToCommandText(text).Should().Be(expected);
    }

    [Fact]
    public void The_bots_own_mention_is_dropped_from_an_app_mention()
    {
        SlackText.ToCommandText("<@W111> incident list", botUserId: "W111").Should().Be("incident list");
        SlackText.ToCommandText("<@W111> role ops <@U01BOB0001>", botUserId: "W111").Should().Be("role ops @U01BOB0001");
    }
}
