using ExecOps.Bot.Slack.Api;
using ExecOps.Workflows.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ExecOps.Tests.Support;

/// <summary>The bot with Slack configured against a fake Slack Web API on loopback.</summary>
public abstract class SlackBotTest : IAsyncLifetime
{
    public const string Announcements = "C0ANNOUNCE";

    protected TempDatabase Database { get; } = new();
    protected FakeSlack Slack { get; private set; } = null!;
    protected BotFactory Bot { get; private set; } = null!;
    protected SlackRequests Requests { get; private set; } = null!;
    protected PlaygroundClient Playground { get; private set; } = null!;

    protected virtual Dictionary<string, string?> Settings() => [];

    public async Task InitializeAsync()
    {
        Slack = await FakeSlack.StartAsync();
        var settings = new Dictionary<string, string?>
        {
            ["Slack:SigningSecret"] = SlackRequests.Secret,
            ["Slack:BotToken"] = "xoxb-test-token",
            ["Slack:ApiBaseUrl"] = Slack.ApiBaseUrl,
            ["Slack:AnnouncementsChannel"] = Announcements,
            // Beside Slack only when asked for; the tests use it to type commands, and it mirrors nothing.
            ["Playground:Enabled"] = "true",
        };
        foreach (var (key, value) in Settings()) settings[key] = value;
        // Slack's pace is real seconds; the tests check what is sent, not how it is spaced.
        Bot = new BotFactory(Database, settings: settings, replace: services =>
        {
            services.RemoveAll<SlackRateLimits>();
            services.AddSingleton(new SlackRateLimits(TimeProvider.System, spacingScale: 0));
        });
        Requests = new SlackRequests(Bot.CreateClient(), Bot.Clock, SlackRequests.Secret);
        Playground = Bot.Playground();
    }

    /// <summary>
    /// Waits until every request the inbox took in has been handled (a request is marked handled after
    /// its handler's Slack calls), then drains the outbox: after it, a test may assert that nothing more went to Slack.
    /// </summary>
    protected async Task SettledAsync()
    {
        var store = Bot.Services.GetRequiredService<Store>();
        await Eventually.Until(() => store.WriteAsync(async u => (await u.Inbox.PendingAsync(DateTimeOffset.MaxValue, 1)).Count),
            pending => pending == 0, "the requests taken in to be handled");
        await Bot.DrainOutboxAsync();
    }

    public async Task DisposeAsync()
    {
        Bot.Dispose();
        await Slack.DisposeAsync();
        Database.Dispose();
    }
}
