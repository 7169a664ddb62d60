using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using ExecOps.Bot.Slack;
using ExecOps.Tests.Support;
using ExecOps.Workflows.Risks;
using ExecOps.Workflows.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace ExecOps.Tests.EndToEnd;

/// <summary>
/// Slack goes down while people keep typing: every Web API call and response_url answers 500 for a
/// while, then 429 with Retry-After, then Slack recovers. Slash commands and @mentions sent meanwhile
/// are acknowledged in time, applied once, and each answer and notification reaches Slack once.
/// </summary>
public sealed class SlackOutageTests : SlackBotTest
{
    private const string Alice = "U01ALICE01";
    private const string Channel = "C111";
    private const int PerPhase = 3;
    private readonly List<TimeSpan> acks = [];
    private int sequence;

    [Fact]
    public async Task Through_500s_then_429s_every_command_is_applied_once_and_every_answer_and_message_reaches_Slack_once()
    {
        var inbox = Bot.Services.GetRequiredService<SlackInbox>();
        var commands = new List<string>();
        var mentions = new List<(string Title, string Ts)>();

        Slack.Outage(500);
        await SendAsync("500", commands, mentions);
        await RetryWhileDownAsync(inbox);
        Slack.Outage(429, retryAfter: TimeSpan.FromSeconds(1));
        await SendAsync("429", commands, mentions);
        // One pass: each call waits out Slack's Retry-After in real time before it is refused again.
        await RetryWhileDownAsync(inbox, rounds: 1);
        Slack.Recover();
        await RecoverAsync(inbox);

        acks.Should().OnlyContain(a => a < TimeSpan.FromSeconds(3), "Slack gives an endpoint three seconds, outage or not");
        var applied = (await RisksAsync()).GroupBy(t => t).ToDictionary(g => g.Key, g => g.Count());
        string[] titles = [.. commands, .. mentions.Select(m => m.Title)];
        applied.Keys.Should().BeEquivalentTo(titles, "every acknowledged command is applied");
        applied.Where(a => a.Value > 1).Should().BeEmpty("none is applied twice");
        var delivered = Slack.Calls.Where(c => c.Reply?["ok"]?.GetValue<bool>() == true).ToList();
        foreach (var (title, ts) in mentions)
            delivered.Count(c => c.Text("channel") == Channel && c.Text("thread_ts") == ts)
                .Should().Be(1, $"the answer to the @mention \"{title}\" is posted in its thread once");
        foreach (var title in titles)
            delivered.Where(c => c.Method == "chat.postMessage" && c.Text("channel") != Channel && c.Text("text")?.Contains(title) == true)
                .Select(c => c.Text("channel")).Should().HaveCount(2, $"the owner and the sponsor of \"{title}\" are told once each").And.OnlyHaveUniqueItems();
        var outbox = await Bot.Services.GetRequiredService<Store>().WriteAsync(u => u.Outbox.CountAsync());
        (outbox.Pending, outbox.Failed).Should().Be((0, 0), "nothing waits and nothing was given up on");
    }

    private async Task SendAsync(string phase, List<string> commands, List<(string Title, string Ts)> mentions)
    {
        for (var i = 0; i < PerPhase; i++)
        {
            var command = $"Outage {phase} command {i}";
            var answer = await TimedAsync(() => Requests.CommandAsync(Alice, "/risk", Add(command), Slack.ResponseUrl($"{phase}-{i}")));
            (await answer.Content.ReadAsStringAsync()).Should().Contain(command, "a command done within the budget is answered in the HTTP response, which needs no Slack API");
            commands.Add(command);

            var (mention, ts) = ($"Outage {phase} mention {i}", $"1700000000.{Interlocked.Increment(ref sequence):D6}");
            (await TimedAsync(() => Requests.EventAsync(Mention(mention, ts)))).StatusCode.Should().Be(HttpStatusCode.OK);
            mentions.Add((mention, ts));
        }
    }

    /// <summary>What the bot does on its own while Slack is down: sweeps of the inbox and passes of the outbox, half a minute apart.</summary>
    private async Task RetryWhileDownAsync(SlackInbox inbox, int rounds = 3)
    {
        for (var round = 0; round < rounds; round++)
        {
            Bot.Clock.Advance(SlackInbox.Sweep + TimeSpan.FromSeconds(1));
            await inbox.SweepAsync();
            await Bot.Dispatcher.DispatchDueAsync();
        }
    }

    /// <summary>After the outage, time moves past every backoff until the inbox and the outbox are worked off.</summary>
    private async Task RecoverAsync(SlackInbox inbox)
    {
        var store = Bot.Services.GetRequiredService<Store>();
        for (var round = 0; round < 20; round++)
        {
            Bot.Clock.Advance(TimeSpan.FromMinutes(5));
            await inbox.SweepAsync();
            await Bot.Dispatcher.DispatchDueAsync();
            var pending = await store.WriteAsync(async u => (await u.Inbox.PendingAsync(DateTimeOffset.MaxValue, 1)).Count + (await u.Outbox.CountAsync()).Pending);
            if (pending == 0) break;
        }
        await SettledAsync();
    }

    private async Task<HttpResponseMessage> TimedAsync(Func<Task<HttpResponseMessage>> send)
    {
        var clock = Stopwatch.StartNew();
        var response = await send();
        acks.Add(clock.Elapsed);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return response;
    }

    private static string Add(string title) => $"add \"{title}\" category:reliability p:10% impact:$10k owner:alice sponsor:dana";

    /// <summary>Slack's recorded app_mention, as Alice, with an event id and ts of its own.</summary>
    private static string Mention(string title, string ts)
    {
        var envelope = JsonNode.Parse(SharedExternal.Read("slack/event-callback-app-mention.json"))!;
        envelope["event_id"] = $"EvOutage{ts}";
        envelope["event"]!["user"] = Alice;
        envelope["event"]!["text"] = $"<@W111> risk {Add(title)}";
        envelope["event"]!["ts"] = ts;
        envelope["event"]!["event_ts"] = ts;
        return envelope.ToJsonString();
    }

    private async Task<IReadOnlyList<string>> RisksAsync()
    {
        await using var unit = await Bot.Services.GetRequiredService<Store>().BeginAsync();
        return (await unit.Aggregates.ListAsync<RiskData>(Risk.Kind)).Select(s => s.Body.Title).ToList();
    }
}
