using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ExecOps.Bot.Slack;
using ExecOps.Tests.Support;
using ExecOps.Workflows.Risks;
using ExecOps.Workflows.Storage;
using Microsoft.Data.Sqlite;

namespace ExecOps.Tests.EndToEnd;

/// <summary>
/// Signed slash commands from several clients at the real binary, SIGKILLed three times at random
/// moments and restarted on the same file: every acknowledged command is applied, none twice, and
/// each applied command's messages are in the outbox exactly once.
/// </summary>
public sealed class CrashUnderLoadTests : IAsyncLifetime
{
    private const int Clients = 16;
    private const int Kills = 6;
    private readonly TempDatabase database = new();
    private FakeSlack slack = null!;
    private BotProcess? bot;

    /// <summary>The bot the clients talk to; while it is being restarted, a task that completes once it is up.</summary>
    private volatile TaskCompletionSource<BotProcess> up = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async Task InitializeAsync() => slack = await FakeSlack.StartAsync();

    public async Task DisposeAsync()
    {
        bot?.Dispose();
        await slack.DisposeAsync();
        database.Dispose();
    }

    [Fact]
    public async Task Nothing_acknowledged_is_lost_or_applied_twice_through_three_kills()
    {
        var settings = new Dictionary<string, string>
        {
            ["Slack__SigningSecret"] = SlackRequests.Secret, ["Slack__BotToken"] = "xoxb-test-token",
            ["Slack__ApiBaseUrl"] = slack.ApiBaseUrl, ["Slack__AnnouncementsChannel"] = "C0ANNOUNCE",
        };
        await StartAsync(settings);
        var acknowledged = new System.Collections.Concurrent.ConcurrentBag<string>();
        using var stop = new CancellationTokenSource();
        var clients = Enumerable.Range(0, Clients).Select(c => Task.Run(() => ClientAsync(c, acknowledged, stop.Token))).ToList();

        // Each kill comes after a random number of acknowledgements since the last start, so it lands mid-load.
        var random = new Random(20261202);
        for (var kill = 0; kill <= Kills; kill++)
        {
            var target = acknowledged.Count + random.Next(5, 60);
            await Eventually.Until(() => Task.FromResult(acknowledged.Count), n => n >= target, "the clients to get commands through", TimeSpan.FromSeconds(60));
            if (kill == Kills) break;
            up = new(TaskCreationOptions.RunContinuationsAsynchronously);
            bot!.Dispose();
            await StartAsync(settings);
        }
        await stop.CancelAsync();
        await Task.WhenAll(clients);

        // What a kill left acknowledged but unhandled is picked up by the next sweep (every 30 s).
        await Eventually.Until(PendingAsync, pending => pending == 0, "the inbox to be worked off", TimeSpan.FromSeconds(120));
        var titles = await RiskTitlesAsync();
        var applied = titles.GroupBy(t => t).ToDictionary(g => g.Key, g => g.Count());
        var outbox = await OutboxCountsAsync(applied.Keys);
        var answers = await OutboxCountsAsync(applied.Keys, answers: true);

        acknowledged.Should().HaveCountGreaterThan(Clients * 3, "the clients got commands through between the kills");
        acknowledged.Where(t => !applied.ContainsKey(t)).Should().BeEmpty("an acknowledged command is never lost");
        applied.Where(a => a.Value > 1).Should().BeEmpty("no command is applied twice");
        outbox.Where(o => o.Value != 2).Should().BeEmpty("each risk's two messages (owner and sponsor) are in the outbox once");
        answers.Where(a => a.Value > 1).Should().BeEmpty("a command answered late is answered once");
    }

    private async Task ClientAsync(int client, System.Collections.Concurrent.ConcurrentBag<string> acknowledged, CancellationToken stop)
    {
        for (var n = 0; !stop.IsCancellationRequested; n++)
        {
            var title = $"Crash test {client}-{n}";
            BotProcess current;
            try { current = await up.Task.WaitAsync(stop); }
            catch (OperationCanceledException) { return; }
            try
            {
                var response = await Command(current, title);
                if (response.StatusCode == HttpStatusCode.OK) acknowledged.Add(title);
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
        }
    }

    private static Task<HttpResponseMessage> Command(BotProcess bot, string title)
    {
        var body = Encoding.UTF8.GetBytes(string.Join('&', new Dictionary<string, string>
        {
            ["team_id"] = "T0EXECOPS", ["channel_id"] = "C0GENERAL", ["user_id"] = "U01ALICE01", ["command"] = "/risk",
            ["text"] = $"add \"{title}\" category:reliability p:10% impact:$10k owner:alice sponsor:dana",
            ["response_url"] = "http://127.0.0.1:1/response", ["trigger_id"] = Guid.NewGuid().ToString("N"),
        }.Select(f => $"{f.Key}={Uri.EscapeDataString(f.Value)}")));
        var stamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString();
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/slack/commands") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/x-www-form-urlencoded");
        request.Headers.Add("X-Slack-Request-Timestamp", stamp);
        request.Headers.Add("X-Slack-Signature", SlackSignature.Create(SlackRequests.Secret, stamp, body));
        return bot.Http.SendAsync(request);
    }

    private async Task StartAsync(Dictionary<string, string> settings)
    {
        bot = new BotProcess(database.Path, settings);
        await bot.StartAsync();
        up.SetResult(bot);
    }

    private async Task<int> PendingAsync()
    {
        await using var unit = await new Store(database.Open(), TimeProvider.System).BeginAsync();
        return (await unit.Inbox.PendingAsync(DateTimeOffset.MaxValue, 1000)).Count;
    }

    private async Task<IReadOnlyList<string>> RiskTitlesAsync()
    {
        await using var unit = await new Store(database.Open(), TimeProvider.System).BeginAsync();
        return (await unit.Aggregates.ListAsync<RiskData>(Risk.Kind)).Select(s => s.Body.Title).ToList();
    }

    /// <param name="answers">Count the answers to the commands (a late one, after a kill, goes through the outbox) instead of the notifications.</param>
    private async Task<IReadOnlyDictionary<string, int>> OutboxCountsAsync(IEnumerable<string> titles, bool answers = false)
    {
        await using var connection = new SqliteConnection($"Data Source={database.Path}");
        await connection.OpenAsync();
        var counts = new Dictionary<string, int>();
        foreach (var title in titles)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT COUNT(*) FROM outbox WHERE text LIKE $title AND recipient {(answers ? "" : "NOT ")}LIKE 'answer:%'";
            command.Parameters.AddWithValue("$title", $"%\"{title}\"%");
            counts[title] = Convert.ToInt32(await command.ExecuteScalarAsync());
        }
        return counts;
    }
}
