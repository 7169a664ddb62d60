using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using ExecOps.Bot.Scoreboard;
using ExecOps.Bot.Slack.Api;
using ExecOps.Tests.Support;
using ExecOps.Workflows.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace ExecOps.Tests.Fuzz;

/// <summary>
/// One bot with every door open to the fuzz corpus: Slack signed, Teams with valid tokens, every
/// bearer token set, a signed-in scoreboard session, so that bad input reaches the parsers behind
/// them. It records every error the bot logs and can tell whether anything was stored.
/// </summary>
public sealed class FuzzBot : IAsyncLifetime
{
    public const string DiagnosticsToken = "test-diagnostics-token";

    /// <summary>The CEO's Slack user, so that Slack commands run with every role.</summary>
    public const string SlackCeo = "U0CEO";

    private readonly ErrorLog errors = new();

    public TempDatabase Database { get; } = new();
    public FakeSlack Slack { get; private set; } = null!;
    public TestOpenIdIssuer Issuer { get; private set; } = null!;
    public FakeConnector Connector { get; private set; } = null!;
    public BotFactory Bot { get; private set; } = null!;
    public HttpClient Http { get; private set; } = null!;
    public SlackRequests SlackRequests { get; private set; } = null!;

    public IReadOnlyList<string> Errors => [.. errors.Entries];

    public async Task InitializeAsync()
    {
        Slack = await FakeSlack.StartAsync();
        Slack.AddUser(SlackCeo, "morgan.reyes@example.com", "ceo");
        Issuer = await TestOpenIdIssuer.StartAsync();
        Connector = await FakeConnector.StartAsync();
        Bot = new BotFactory(Database, settings: new(IntegrationDeliveries.Settings())
        {
            ["Slack:SigningSecret"] = SlackRequests.Secret,
            ["Slack:BotToken"] = "xoxb-test-token",
            ["Slack:ApiBaseUrl"] = Slack.ApiBaseUrl,
            ["Slack:AnnouncementsChannel"] = SlackBotTest.Announcements,
            ["Teams:AppId"] = TeamsBotTest.AppId,
            ["Teams:AppPassword"] = "test-app-password",
            ["Teams:OpenIdMetadataUrl"] = Issuer.MetadataUrl,
            ["Teams:TokenEndpoint"] = Connector.TokenEndpoint,
            ["People:2:TeamsId"] = TeamsBotTest.AliceAad,
            ["Diagnostics:Token"] = DiagnosticsToken,
            ["Playground:Enabled"] = "true",
        }, replace: services =>
        {
            Connector.AddTrust(services);
            services.RemoveAll<SlackRateLimits>();
            services.AddSingleton(new SlackRateLimits(TimeProvider.System, spacingScale: 0));
            services.AddSingleton<ILoggerProvider>(errors);
        });
        Http = Bot.CreateClient(new() { AllowAutoRedirect = false });
        SlackRequests = new SlackRequests(Http, Bot.Clock, SlackRequests.Secret);
        // A risk with a mitigation, so that commands naming RISK-1 reach the checks on their values.
        var playground = Bot.Playground();
        await playground.CommandAsync("ceo", "/risk add \"Vendor lock-in\" category:vendor p:30% impact:$250k customers:\"all\" owner:@alice sponsor:@dana");
        await playground.CommandAsync("alice", "/risk mitigate RISK-1 \"Second supplier\" owner:@alice due:2026-12-20");
        await SettledAsync();
    }

    /// <summary>A pass for <paramref name="personId"/>, as the bot signs them for <paramref name="purpose"/>.</summary>
    public string Pass(string personId, PassPurpose purpose = PassPurpose.ScoreboardLink, string subject = "") =>
        Bot.Services.GetRequiredService<SignedPass>().Issue(purpose, personId, TimeSpan.FromHours(1), subject);

    /// <summary>The CEO's page session, as the browser holds it after opening a card's link: `name=value` for a Cookie header.</summary>
    public async Task<string> SessionAsync()
    {
        using var opened = await Http.GetAsync($"/scoreboard/open?pass={Uri.EscapeDataString(Pass("ceo"))}");
        return opened.Headers.GetValues("Set-Cookie").Single().Split(';')[0];
    }

    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, byte[]? body = null, string? contentType = null, string? bearer = null, string? cookie = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            if (contentType is not null) request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }
        if (bearer is not null) request.Headers.TryAddWithoutValidation("Authorization", bearer);
        if (cookie is not null) request.Headers.Add("Cookie", cookie);
        return Http.SendAsync(request);
    }

    /// <summary>
    /// Waits until every request taken in has been tried and the outbox has sent what it holds, so the
    /// store is still. A request that failed (its error is in <see cref="Errors"/>) would be tried
    /// again when the clock moves, which it does not here; it is set aside so it cannot blur the next case.
    /// </summary>
    public async Task SettledAsync()
    {
        var store = Bot.Services.GetRequiredService<Store>();
        var tried = await Eventually.Until(() => store.WriteAsync(u => u.Inbox.PendingAsync(DateTimeOffset.MaxValue, 100)),
            pending => pending.All(i => i.Attempts > 0), "the requests taken in to be tried");
        if (tried.Count > 0)
            await store.WriteAsync(async u => { foreach (var item in tried) await u.Inbox.MarkProcessedAsync(item.Key, "set aside by the fuzz"); return true; });
        await Bot.Dispatcher.DispatchDueAsync();
    }

    /// <summary>
    /// A hash of every table but the audit log and the count of anonymous refusals (refusals are recorded by design), and of the domain's
    /// tables alone: what a refused request must leave as it found it.
    /// </summary>
    public async Task<(string All, string Domain)> FingerprintAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={Database.Path};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT IN ('audit', 'anonymous_refusals') ORDER BY name";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        }
        var all = new StringBuilder();
        var domain = new StringBuilder();
        foreach (var table in tables)
        {
            var rows = new List<string>();
            await using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await select.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                rows.Add(string.Join('|', Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "∅" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
            rows.Sort(StringComparer.Ordinal);
            var hash = $"{table}:{Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', rows))))};";
            all.Append(hash);
            if (!Bookkeeping.Contains(table)) domain.Append(hash);
        }
        return (all.ToString(), domain.ToString());
    }

    /// <summary>What answering a request writes beside the domain: the inbox, the outbox, what was delivered, requests answered.</summary>
    private static readonly HashSet<string> Bookkeeping = ["inbox", "outbox", "deliveries", "processed_requests", "schema_version", "conversations"];

    public void ForgetErrors() => errors.Entries.Clear();

    public async Task DisposeAsync()
    {
        Bot.Dispose();
        await Connector.DisposeAsync();
        await Issuer.DisposeAsync();
        await Slack.DisposeAsync();
        Database.Dispose();
    }

    /// <summary>Every entry the bot logs at Error or above: an exception no caller was told about.</summary>
    private sealed class ErrorLog : ILoggerProvider, ILogger
    {
        public ConcurrentQueue<string> Entries { get; } = new();

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel)) Entries.Enqueue($"{formatter(state, exception)} {exception?.GetType().Name}: {exception?.Message}");
        }

        public void Dispose() { }
    }
}
