using Microsoft.Extensions.DependencyInjection;

namespace ExecOps.Tests.Support;

/// <summary>A test against the running bot: a fresh database (SQLite unless <paramref name="provider"/> says), the host, and a Playground client, torn down after.</summary>
public abstract class BotTest : IDisposable
{
    protected BotTest(Dictionary<string, string?>? settings = null, Action<IServiceCollection>? replace = null, string? provider = null)
    {
        Database = new TempDatabase(provider);
        Bot = new BotFactory(Database, settings: settings, replace: replace);
        Playground = Bot.Playground();
    }

    protected TempDatabase Database { get; }
    protected BotFactory Bot { get; }
    protected PlaygroundClient Playground { get; }

    public void Dispose()
    {
        Bot.Dispose();
        Database.Dispose();
        GC.SuppressFinalize(this);
    }
}
