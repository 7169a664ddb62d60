using ExecOps.Bot.Notifications;
using ExecOps.Workflows.Notifications;
using ExecOps.Workflows.Storage;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ExecOps.Tests.Support;

/// <summary>
/// The real bot over the real HTTP pipeline, with its own database (a SQLite file unless the test asks for PostgreSQL), its own Quartz scheduler and a
/// clock the test moves. Settings come from the repository's appsettings.json, overridden per test.
/// </summary>
public sealed class BotFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> settings;

    private readonly Action<IServiceCollection>? replace;

    public BotFactory(TempDatabase database, ManualClock? clock = null, Dictionary<string, string?>? settings = null, Action<IServiceCollection>? replace = null)
    {
        this.replace = replace;
        Database = database;
        Clock = clock ?? new ManualClock();
        this.settings = new Dictionary<string, string?>
        {
            ["Scheduler:Name"] = $"test-{Guid.NewGuid():N}",
            ["Scheduler:IdleWait"] = "00:00:01",
            ["Outbox:PollInterval"] = "00:00:00.100",
            ["TimelineEvents:Token"] = TimelineToken,
            ["Metrics:Token"] = MetricsToken,
            ["ChangeEvents:Token"] = ChangeEventsToken,
            ["Evidence:Token"] = EvidenceToken,
            ["Contracts:Token"] = ContractsToken,
            ["Spend:Token"] = SpendToken,
            ["Playground:Token"] = PlaygroundToken,
        };
        foreach (var (key, value) in database.Settings) this.settings[key] = value;
        foreach (var (key, value) in settings ?? []) this.settings[key] = value;
    }

    public const string TimelineToken = "test-timeline-token";
    public const string MetricsToken = "test-metrics-token";
    public const string ChangeEventsToken = "test-change-events-token";
    public const string EvidenceToken = "test-evidence-token";
    public const string ContractsToken = "test-contracts-token";
    public const string SpendToken = "test-spend-token";
    public const string PlaygroundToken = "test-playground-token";

    public TempDatabase Database { get; }
    public ManualClock Clock { get; }

    /// <summary>A Playground client holding the Playground's token, as the page does once opened from the printed link.</summary>
    public PlaygroundClient Playground()
    {
        var http = CreateClient();
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", PlaygroundToken);
        return new(http);
    }

    public OutboxDispatcher Dispatcher => Services.GetRequiredService<OutboxDispatcher>();

    /// <summary>One aggregate as committed (an incident, a change, a task), for a test to check what a command or delivery did to it.</summary>
    public async Task<T> AggregateAsync<T>(string kind, string id) =>
        (await Services.GetRequiredService<Store>().ReadAsync(s => s.Aggregates.FindAsync<T>(kind, id)))!.Body;

    /// <summary>Until the one message left (owed to <paramref name="to"/>, when named) is back in the outbox for later: pending, and not due yet on the bot's clock.</summary>
    public Task RetryWaitingAsync(Recipient? to = null, string what = "a message to wait for its retry") => Eventually.Until(
        () => Services.GetRequiredService<Store>().ReadAsync(async s => (await s.Outbox.CountAsync()).Pending == 1 && (await s.Outbox.DueAsync(10, to)).Count == 0),
        waiting => waiting, what);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            replace?.Invoke(services);
        });
    }
}
