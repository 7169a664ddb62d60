using System.Text.RegularExpressions;
using ExecOps.Tests.Support;

namespace ExecOps.Tests.Browser;

/// <summary>
/// The Playground's first screens in headless Chromium at 1400 px, on a machine with no emoji font:
/// the bot as a real process, opened from the link it prints, a Sev1 declared and the scoreboard asked
/// for. Every button keeps its whole title, and the status reads without colour or emoji.
/// </summary>
public sealed partial class PlaygroundBrowserTests : IDisposable
{
    private readonly TempDatabase database = new();
    private readonly BotProcess bot;

    public PlaygroundBrowserTests() => bot = new BotProcess(database.Path, new Dictionary<string, string>
    {
        ["Playground__Token"] = "", ["Logging__LogLevel__Default"] = "Information", ["Metrics__Token"] = BotFactory.MetricsToken,
    });

    [Fact]
    public async Task A_fresh_incident_card_and_the_scoreboard_show_whole_button_titles_and_a_status_in_words()
    {
        await bot.StartAsync();
        // Last week's data in a domain with a service, so the scoreboard card carries drilldown buttons ("domain payments").
        var lastWeek = ExecOps.Workflows.Scoreboard.IsoWeek.Of(DateTimeOffset.UtcNow).Previous.ToString();
        await Observations.StoreAsync(bot.Http, new { kpi = "uptime", period = lastWeek, value = 99.2, domain = "payments" },
            new { kpi = "uptime", period = lastWeek, value = 99.95, domain = "payments", service = "checkout" }, new { kpi = "uptime", period = lastWeek, value = 99.5 });
        var url = PrintedLink().Match(bot.Output).Groups[1].Value;
        var screenshots = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots", "playground")).FullName;

        var seen = Chromium.Visit<PlaygroundVisit>("playground.mjs", new
        {
            url, person = "alice", screenshots,
            commands = new[] { "/incident declare sev1 \"Checkout 5xx\" service:payments impact:\"EU card payments failing\"", "/scoreboard" },
        });

        seen.Errors.Should().BeEmpty();
        var incident = seen.Answers[0];
        incident.Buttons.Select(b => b.Title).Should().Contain(["Investigating", "Post update"]);
        incident.Buttons.Should().OnlyContain(b => !b.Cut, "no title is cut at 1400 px: {0}", string.Join(", ", incident.Buttons.Where(b => b.Cut).Select(b => b.Title)));
        var scoreboard = seen.Answers[1];
        scoreboard.Buttons.Select(b => b.Title).Should().Contain("domain payments");
        scoreboard.Buttons.Should().OnlyContain(b => !b.Cut, "no drilldown or link is cut");
        scoreboard.Text.Should().Contain("Uptime (SLO)").And.MatchRegex(@"(red|yellow|green|unrated) · ", "each KPI's status is a word as well as a dot");
        File.Exists(Path.Combine(screenshots, "1.png")).Should().BeTrue();
    }

    public void Dispose()
    {
        bot.Dispose();
        database.Dispose();
    }

    [GeneratedRegex(@"The Playground is on: open (http://\S+/\?token=\S+)")]
    private static partial Regex PrintedLink();

    public sealed record PlaygroundVisit(List<CardSeen> Answers, List<string> Errors);

    public sealed record CardSeen(string Command, List<ButtonSeen> Buttons, string Text);

    public sealed record ButtonSeen(string Title, bool Cut, double Width);
}
