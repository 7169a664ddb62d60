using ExecOps.Bot.Slack.Api;
using ExecOps.Tests.Support;

namespace ExecOps.Tests.Bot.Slack;

/// <summary>The Web API's pacing: one message a second per channel, each method to its tier, and a 429's Retry-After.</summary>
public sealed partial class SlackWebApiTests
{
    [Fact]
    public async Task Messages_to_one_channel_go_a_second_apart_and_none_is_refused()
    {
        var clock = new ManualClock();
        var start = clock.GetUtcNow();
        var api = Api(new SlackRateLimits(clock));

        var first = api.PostMessageAsync("C1", "one", null);
        var second = api.PostMessageAsync("C1", "two", null);
        var third = api.PostMessageAsync("C1", "three", null);
        var elsewhere = api.PostMessageAsync("C2", "other channel", null);
        await Task.WhenAll(first, elsewhere).WaitAsync(Patience);
        clock.Waiting.Should().Equal([start.AddSeconds(1), start.AddSeconds(2)], "the second and third message wait their turns");
        PostedTexts().Should().BeEquivalentTo("one", "other channel");

        clock.Advance(TimeSpan.FromSeconds(1));
        await second.WaitAsync(Patience);
        third.IsCompleted.Should().BeFalse();

        clock.Advance(TimeSpan.FromSeconds(1));
        await third.WaitAsync(Patience);
        PostedTexts().Skip(2).Should().Equal("two", "three");
    }

    [Fact]
    public async Task Each_method_keeps_to_its_own_tier()
    {
        var clock = new ManualClock();
        var start = clock.GetUtcNow();
        var api = Api(new SlackRateLimits(clock));

        await api.CreateChannelAsync("inc-1-api");
        var second = api.CreateChannelAsync("inc-2-web");
        await api.UpdateAsync("C1", "1700000000.000100", "not held up by channel creation", null).WaitAsync(Patience);

        clock.Advance(TimeSpan.FromSeconds(2.9));
        clock.Waiting.Should().Equal([start.AddSeconds(3)], "Tier 2 is twenty a minute, three seconds apart");
        slack.CallsTo("conversations.create").Should().ContainSingle();

        clock.Advance(TimeSpan.FromSeconds(0.1));
        await second.WaitAsync(Patience);
    }

    [Fact]
    public async Task After_a_429_the_method_waits_out_Retry_After()
    {
        var clock = new ManualClock();
        var start = clock.GetUtcNow();
        var api = Api(new SlackRateLimits(clock));
        slack.FailNext("chat.postMessage", 429, "ratelimited", TimeSpan.FromSeconds(5));
        await FailureOf(() => api.PostMessageAsync("C1", "refused", null));

        var next = api.PostMessageAsync("C2", "after the pause", null);
        await api.UpdateAsync("C1", "1700000000.000100", "other methods carry on", null).WaitAsync(Patience);
        clock.Advance(TimeSpan.FromSeconds(4));
        clock.Waiting.Should().Equal([start.AddSeconds(5)], "a message to another channel waits out the Retry-After too");
        slack.CallsTo("chat.postMessage").Should().ContainSingle();

        clock.Advance(TimeSpan.FromSeconds(1));
        (await next.WaitAsync(Patience)).Channel.Should().Be("C2");
    }
}
