using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ExecOps.Bot.Notifications;
using ExecOps.Tests.Support;
using ExecOps.Workflows.Incidents;
using ExecOps.Workflows.Risks;
using ExecOps.Workflows.Storage;

namespace ExecOps.Tests.EndToEnd;

/// <summary>
/// Three bot processes on one PostgreSQL database behind HAProxy (the repository's own config), round
/// robin. Clients drive signed Slack commands and card presses through the proxy while incidents owe
/// updates every few seconds; mid-run the replica delivering the outbox is SIGKILLed. Nothing
/// acknowledged is lost, nothing is applied twice, every reminder due fires once and within 10 s,
/// every outbox row reaches Slack once, and the proxy routes around the dead replica.
/// </summary>
public sealed partial class ReplicaKillTests : IAsyncLifetime
{
    private const int Replicas = 3;
    private static readonly TimeSpan Cadence = TimeSpan.FromSeconds(8);
    private static readonly TimeSpan Lateness = TimeSpan.FromSeconds(10);

    /// <summary>
    /// A person's pause between commands. Slack takes one message a second in each channel, a DM too, and
    /// each client's person gets its own incidents' nudges and its risks' notices: this keeps each DM's
    /// traffic under that pace, so the outbox can drain.
    /// </summary>
    private static readonly TimeSpan ThinkTime = TimeSpan.FromSeconds(4);

    /// <summary>The people the clients act as (Slack ids from the directory); each files risks that the next one sponsors.</summary>
    private static readonly (string Id, string Slack)[] People =
        [("ceo", "U01CEO0001"), ("dana", "U01DANA001"), ("alice", "U01ALICE01"), ("bob", "U01BOB0001"), ("priya", "U01PRIYA01"), ("sam", "U01SAM0001")];

    private readonly TempDatabase database = new(TempDatabase.Postgres);
    private readonly List<BotProcess> replicas = [];
    private FakeSlack slack = null!;
    private Haproxy proxy = null!;
    private SlackRequests requests = null!;
    private Store store = null!;

    public async Task InitializeAsync()
    {
        slack = await FakeSlack.StartAsync();
        var settings = new Dictionary<string, string>
        {
            ["Storage__Provider"] = "postgres", ["Storage__ConnectionString"] = database.ConnectionString!,
            ["Slack__SigningSecret"] = SlackRequests.Secret, ["Slack__BotToken"] = "xoxb-test-token",
            ["Slack__ApiBaseUrl"] = slack.ApiBaseUrl, ["Slack__AnnouncementsChannel"] = SlackBotTest.Announcements,
            ["Incidents__UpdateCadence__Sev2"] = Cadence.ToString(), ["Telemetry__Enabled"] = "true",
        };
        for (var i = 1; i <= Replicas; i++)
            replicas.Add(new BotProcess(database.Path, new Dictionary<string, string>(settings) { ["Replica__Name"] = $"replica{i}" }));
        // Started together: the schema and the first signing key are made once however they race.
        await Task.WhenAll(replicas.Select(r => r.StartAsync()));
        proxy = await Haproxy.StartAsync([.. replicas.Select(r => r.Port)]);
        requests = new SlackRequests(proxy.Http, TimeProvider.System, SlackRequests.Secret);
        store = new Store(database.Open(), TimeProvider.System);
    }

    public async Task DisposeAsync()
    {
        proxy?.Dispose();
        foreach (var replica in replicas) replica.Dispose();
        await slack.DisposeAsync();
        database.Dispose();
    }

    private sealed record Run(ConcurrentBag<string> Risks, ConcurrentDictionary<string, string> Incidents, ConcurrentBag<string> Pressed, ConcurrentBag<(DateTimeOffset At, bool Ok)> Answers);

    [Fact]
    public async Task Killing_the_replica_that_delivers_loses_nothing_and_repeats_nothing()
    {
        var run = new Run([], new(), [], []);
        using var stop = new CancellationTokenSource();
        var clients = Enumerable.Range(0, People.Length).Select(c => Task.Run(() => ClientAsync(c, run, stop.Token))).ToList();

        await Eventually.Until(() => Task.FromResult((run.Pressed.Count, run.Risks.Count)), n => n.Item1 >= People.Length && n.Item2 >= 2 * People.Length,
            "the clients to declare and press incidents and file risks through the proxy", TimeSpan.FromSeconds(120));
        var holder = (await store.ReadAsync(s => s.Leases.HeldAsync())).Single(l => l.Name == OutboxDispatcher.LeaseName).Holder;
        var victim = replicas[int.Parse(holder["replica".Length..]) - 1];
        var victimName = holder;
        victim.Kill();
        var killedAt = DateTimeOffset.UtcNow;
        var beforeKill = run.Risks.Count + run.Incidents.Count + run.Pressed.Count;
        await Eventually.Until(() => Task.FromResult((run.Risks.Count + run.Incidents.Count + run.Pressed.Count, run.Pressed.Count)),
            n => n.Item1 >= beforeKill + 3 * People.Length && n.Item2 >= 2 * People.Length, "the clients to get commands and presses through after the kill", TimeSpan.FromSeconds(120));
        // Until every incident has had a reminder come due after the dead replica's lease ran out, and fire elsewhere.
        await Eventually.Until(() => FiredSinceAsync(run, killedAt + Lateness), n => n >= run.Incidents.Count,
            "a reminder of each incident to fire after the kill", TimeSpan.FromSeconds(60));
        await stop.CancelAsync();
        await Task.WhenAll(clients);

        // What the dead replica acknowledged and never handled is run by another's sweep (after 30 s) before anything else is asked.
        await Eventually.Until(BacklogAsync, backlog => backlog.Inbox == 0, "the inbox to be worked off", TimeSpan.FromSeconds(120));
        var resolved = await ResolveAllAsync(run);
        await Eventually.Until(BacklogAsync, backlog => backlog.Quiet, "the inbox and the outbox to be worked off", TimeSpan.FromSeconds(120));

        var servers = await proxy.ServersAsync();
        var delivering = await Eventually.Until(() => DeliveringAsync(replicas.Where(r => r != victim)), d => d.Values.Sum() == 1,
            "one surviving replica to say on /metrics that it delivers the outbox", TimeSpan.FromSeconds(30));
        var risks = (await store.ReadAsync(s => s.Aggregates.ListAsync<RiskData>(Risk.Kind))).Select(r => r.Body.Title).ToList();
        var incidents = (await store.ReadAsync(s => s.Aggregates.ListAsync<IncidentData>(Incident.Kind))).Select(i => i.Body).ToList();
        var timelines = new Dictionary<string, IReadOnlyList<TimelineEntry>>();
        foreach (var incident in incidents) timelines[incident.Id] = await store.WriteAsync(u => u.Timeline.ListAsync(incident.Id));
        var reminders = Reminders(incidents, timelines, resolved);
        var deliveries = await DeliveriesAsync(killedAt);
        var answersAfterKill = run.Answers.Where(a => a.At > killedAt.AddSeconds(5)).ToList();

        var lost = run.Risks.Count(t => !risks.Contains(t)) + run.Incidents.Keys.Count(t => incidents.All(i => i.Title != t));
        var twice = risks.GroupBy(t => t).Sum(g => g.Count() - 1) + incidents.GroupBy(i => i.Title).Sum(g => g.Count() - 1)
            + run.Pressed.Sum(id => Math.Max(0, timelines[id].Count(e => e.Text.Contains("Declared → Investigating")) - 1));
        Summary.Write("replica-kill", $"""
            Three replicas on PostgreSQL behind HAProxy; {victimName} (the outbox's deliverer) SIGKILLed mid-run.
            acknowledged: {run.Risks.Count} risks, {run.Incidents.Count} incidents, {run.Pressed.Count} card presses; lost: {lost}, applied twice: {twice}
            reminders due up to 10 s before the incidents were resolved: {reminders.Due}, missed {reminders.Missed}; fired in all {reminders.Fired}, twice {reminders.Twice}; the latest {reminders.Latest.TotalSeconds:0.0} s after its due time ({reminders.LatestWas})
            outbox rows delivered: {deliveries.Rows}, delivered other than once: {deliveries.Unmatched.Count}, sent again because in flight at the kill: {deliveries.InFlight.Count}
            proxy: {string.Join(", ", servers.Select(s => $"{s.Key} {s.Value}"))}; answers after the kill: {answersAfterKill.Count(a => a.Ok)} of {answersAfterKill.Count} ok
            outbox lease on /metrics: {string.Join(", ", delivering.Select(d => $"{d.Key} {d.Value}"))}
            """);

        run.Risks.Where(t => risks.Count(r => r == t) != 1).Select(t => $"{t} × {risks.Count(r => r == t)}").Should().BeEmpty("every acknowledged risk is there exactly once");
        run.Incidents.Keys.Where(t => incidents.Count(i => i.Title == t) != 1).Should().BeEmpty("every acknowledged incident is there exactly once");
        run.Pressed.Where(id => timelines[id].Count(e => e.Text.Contains("Declared → Investigating")) != 1).Should().BeEmpty("a press is applied once, whichever replica takes it");
        reminders.Twice.Should().Be(0, "no reminder fires twice");
        reminders.Missed.Should().Be(0, "every reminder due during the run fires, the dead replica's too");
        reminders.Latest.Should().BeLessThanOrEqualTo(Lateness, "a reminder fires within 10 s of its due time, across the kill");
        reminders.Due.Should().BeGreaterThan(0);
        deliveries.Unmatched.Should().BeEmpty("each outbox row reaches Slack exactly once");
        deliveries.InFlight.Should().HaveCountLessThanOrEqualTo(OutboxDispatcher.Lanes, "only what was in flight when the deliverer died can go twice");
        servers[victimName].Should().Be("DOWN");
        servers.Values.Count(s => s == "UP").Should().Be(Replicas - 1);
        answersAfterKill.Should().NotBeEmpty().And.OnlyContain(a => a.Ok, "once the proxy sees the replica down, every request is answered by the others");
    }

    /// <summary>
    /// As one person: declares an incident and presses its card through the proxy (whichever replica
    /// posted the card, whichever takes the press), twice, and files risks between.
    /// </summary>
    private async Task ClientAsync(int client, Run run, CancellationToken stop)
    {
        var (person, user) = People[client];
        var sponsor = People[(client + 1) % People.Length].Id;
        for (var n = 0; !stop.IsCancellationRequested; n++)
        {
            try
            {
                if (n is 0 or 6) await DeclareAndPressAsync(user, $"Replica outage {client}-{n}", run, stop);
                var risk = $"Replica risk {client}-{n}";
                if (await SendAsync(run, () => requests.CommandAsync(user, "/risk", $"add \"{risk}\" category:reliability p:10% impact:$10k owner:{person} sponsor:{sponsor}", "http://127.0.0.1:1/unused")))
                    run.Risks.Add(risk);
                await Task.Delay(ThinkTime, stop);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or TimeoutException) { }
        }
    }

    private async Task DeclareAndPressAsync(string user, string title, Run run, CancellationToken stop)
    {
        var declare = await requests.CommandAsync(user, "/incident", $"declare sev2 \"{title}\" service:payments", "http://127.0.0.1:1/unused");
        run.Answers.Add((DateTimeOffset.UtcNow, declare.StatusCode == HttpStatusCode.OK));
        if (declare.StatusCode != HttpStatusCode.OK) return;
        var id = IncidentId().Match((await declare.Content.ReadFromJsonAsync<JsonObject>(stop))!.ToJsonString()).Value;
        run.Incidents[title] = id;
        // Rooms are made at Slack's pace for conversations.create (one each 3 s), so a card can take a while.
        await slack.WaitForAsync("chat.postMessage", c => IsCard(c, title), TimeSpan.FromSeconds(90));
        // As a person would: press the card as it shows now; a reminder that changed the incident meanwhile
        // makes the press stale, answered with the fresh card, so press that.
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var card = slack.Calls.Last(c => IsCard(c, title));
            var press = SlackButtons.Press(user, "incident.investigate", SlackButtons.Value(card, "incident.investigate"), card.Text("channel")!);
            if (!await SendAsync(run, () => requests.InteractionAsync(press))) continue;
            var state = await Eventually.Until(() => StateAsync(id), s => s != IncidentState.Declared || slack.Calls.Last(c => IsCard(c, title)) != card,
                "the press to be applied or answered with a fresh card", TimeSpan.FromSeconds(30));
            if (state == IncidentState.Investigating)
            {
                run.Pressed.Add(id);
                return;
            }
        }
    }

    private static bool IsCard(FakeSlackCall call, string title) =>
        call.Method is "chat.postMessage" or "chat.update" && call.Body["blocks"]?.ToJsonString() is { } blocks && blocks.Contains(title) && blocks.Contains("incident.investigate");

    private async Task<IncidentState> StateAsync(string id) =>
        (await store.ReadAsync(s => s.Aggregates.FindAsync<IncidentData>(Incident.Kind, id)))!.Body.State;

    private static async Task<bool> SendAsync(Run run, Func<Task<HttpResponseMessage>> send)
    {
        var response = await send();
        run.Answers.Add((DateTimeOffset.UtcNow, response.StatusCode == HttpStatusCode.OK));
        return response.StatusCode == HttpStatusCode.OK;
    }

    /// <summary>Resolves every incident, so the update reminders stop and the outbox can drain; answers when each was resolved.</summary>
    private async Task<int> FiredSinceAsync(Run run, DateTimeOffset since)
    {
        var fired = 0;
        foreach (var id in run.Incidents.Values.ToList())
            if ((await store.WriteAsync(u => u.Timeline.ListAsync(id))).Any(e => e.Kind == "reminder" && e.At > since)) fired++;
        return fired;
    }

    private async Task<Dictionary<string, DateTimeOffset>> ResolveAllAsync(Run run)
    {
        var resolved = new Dictionary<string, DateTimeOffset>();
        foreach (var id in run.Incidents.Values)
        {
            var asked = DateTimeOffset.UtcNow;
            var incident = (await store.ReadAsync(s => s.Aggregates.FindAsync<IncidentData>(Incident.Kind, id)))!.Body;
            var commander = People.Single(p => p.Id == incident.Commander).Slack;
            (await requests.CommandAsync(commander, "/incident", $"resolve {id}", "http://127.0.0.1:1/unused")).StatusCode.Should().Be(HttpStatusCode.OK);
            resolved[id] = asked;
        }
        return resolved;
    }

    /// <summary>What each replica's /metrics says of the outbox lease: 1 from the one delivering, 0 from the others.</summary>
    private static async Task<Dictionary<string, int>> DeliveringAsync(IEnumerable<BotProcess> bots)
    {
        var holds = new Dictionary<string, int>();
        foreach (var bot in bots)
        {
            var line = (await bot.Http.GetStringAsync("/metrics")).Split('\n').First(l => l.StartsWith("execops_replica_leases{", StringComparison.Ordinal));
            holds[Regex.Match(line, "replica=\"([^\"]+)\"").Groups[1].Value] = int.Parse(line.Split(' ')[^1]);
        }
        return holds;
    }

    private sealed record Backlog(long Inbox, int Outbox, int Failed)
    {
        public bool Quiet => Inbox == 0 && Outbox == 0 && Failed == 0;
    }

    private Task<Backlog> BacklogAsync() => store.ReadAsync(async s =>
        new Backlog((await s.Inbox.BacklogAsync()).Count, (await s.Outbox.CountAsync()).Pending, (await s.Outbox.CountAsync()).Failed));

    [GeneratedRegex(@"INC-\d+")]
    private static partial Regex IncidentId();

    [GeneratedRegex(@"\(miss (\d+)\)")]
    private static partial Regex Miss();
}
