namespace ExecOps.Tests.Support;

/// <summary>The bot with one named webhook (tickets, rollback, breakglass) pointed at a fake receiver on loopback that checks the signed calls.</summary>
public abstract class WebhookBotTest(string webhook, string secret, ManualClock? clock = null) : IAsyncLifetime
{
    protected string Secret => secret;
    protected TempDatabase Database { get; } = new();
    protected FakeWebhook Webhook { get; private set; } = null!;
    protected BotFactory Bot { get; private set; } = null!;
    protected PlaygroundClient Playground { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Webhook = await FakeWebhook.StartAsync();
        Bot = new BotFactory(Database, clock, new() { [$"Webhooks:{webhook}:Url"] = Webhook.Url, [$"Webhooks:{webhook}:Secret"] = secret });
        Playground = Bot.Playground();
    }

    public async Task DisposeAsync()
    {
        Bot.Dispose();
        await Webhook.DisposeAsync();
        Database.Dispose();
    }
}
