using ExecOps.Tests.Support;

namespace ExecOps.Tests.Bot.Scoreboard;

/// <summary>Without ScoreboardPage:PublicUrl, the links in cards follow the address the bot listens on (the real binary, on a free port).</summary>
public sealed class PublicAddressTests
{
    [Fact]
    public async Task Started_on_another_port_the_cards_link_to_that_port_and_the_log_says_so()
    {
        using var database = new TempDatabase();
        using var bot = new BotProcess(database.Path, new Dictionary<string, string> { ["ScoreboardPage__PublicUrl"] = "", ["Logging__LogLevel__Default"] = "Information" });
        await bot.StartAsync();

        var card = (await bot.Playground.OneAsync("ceo", "/scoreboard")).Card!;

        CardJson.OpenUrls(card).Single().Should().StartWith($"http://127.0.0.1:{bot.Port}/scoreboard/open?pass=");
        bot.Output.Should().Contain($"Links in cards point at http://127.0.0.1:{bot.Port}");
    }
}
