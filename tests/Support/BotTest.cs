using Microsoft.Extensions.DependencyInjection;

namespace ExecOps.Tests.Support;

/// <summary>A test against the running bot: a fresh SQLite file, the host, and a Playground client, torn down after.</summary>
public abstract class BotTest : IDisposable
{
    protected BotTest(Dictionary<string, string?>? settings = null, Action<IServiceCollection>? replace = null)
    {
        Database = new TempDatabase();
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
