using ExecOps.Tests.Support;
using ExecOps.Workflows.Incidents;

namespace ExecOps.Tests.Bot.Incidents;

/// <summary>`/incident comms statuspage publish` against a fake Atlassian Statuspage: payments is the page's component cmp-payments.</summary>
public sealed class StatuspagePublishTests : IAsyncLifetime
{
    private const string Key = "test-statuspage-key";
    private readonly TempDatabase database = new();
    private FakeStatuspage page = null!;
    private BotFactory bot = null!;
    private PlaygroundClient playground = null!;

    public async Task InitializeAsync()
    {
        page = await FakeStatuspage.StartAsync();
        bot = new BotFactory(database, settings: new()
        {
            ["Statuspage:PageId"] = "jb7j80lkgqvb", ["Statuspage:ApiKey"] = Key, ["Statuspage:BaseUrl"] = page.Url,
            ["Statuspage:Components:payments"] = "cmp-payments", ["Statuspage:ResolveWithIncident"] = "true",
        });
        playground = bot.Playground();
    }

    public async Task DisposeAsync()
    {
        bot.Dispose();
        await page.DisposeAsync();
        database.Dispose();
    }

    private Task<IncidentData> IncidentAsync() => bot.AggregateAsync<IncidentData>(Incident.Kind, "INC-1");

    private async Task<ReplyView> PublishAsync(string who)
    {
        var preview = await playground.OneAsync(who, "/incident comms INC-1 statuspage publish");
        preview.Verbs.Should().Contain("incident.publish-status");
        return (await playground.ActionAsync(who, preview.MessageId, "incident.publish-status", preview.ActionData("incident.publish-status"))).Single();
    }

    [Fact]
    public async Task The_IC_publishes_after_a_preview_later_publishes_update_it_and_resolving_resolves_it()
    {
        await playground.OneAsync("alice", "/incident declare sev1 \"Checkout 5xx\" service:payments impact:\"card payments fail\"");

        var preview = await playground.OneAsync("alice", "/incident comms statuspage publish");

        preview.Card!.ToJsonString().Should().Contain("We are aware of a major issue affecting payments: card payments fail").And.Contain("opens a status-page incident");
        page.Calls.Should().BeEmpty("nothing is public until the button is pressed");

        await playground.ActionAsync("alice", preview.MessageId, "incident.publish-status", preview.ActionData("incident.publish-status"));
        await Eventually.Until(IncidentAsync, i => i.StatusPage?.Id is not null, "the page's incident id");

        var create = page.Calls.Single(c => c.Method == "POST");
        (create.Path, create.Authorization).Should().Be(("/v1/pages/jb7j80lkgqvb/incidents", $"OAuth {Key}"));
        var sent = create.Body!["incident"]!;
        ((string?)sent["name"], (string?)sent["status"], (string?)sent["components"]!["cmp-payments"]).Should().Be(("Checkout 5xx", "investigating", "major_outage"));
        ((string)sent["body"]!).Should().StartWith("[declared] Checkout 5xx. We are aware of a major issue affecting payments");
        var incident = await IncidentAsync();
        (incident.StatusPage!.Id, incident.StatusPage.Url).Should().Be(("z3lct0r596n4", "http://stspg.io/646947c1e"));
        CardJson.Facts((await playground.OneAsync("lee", "/incident show INC-1")).Card!).Should().Contain("Status page: http://stspg.io/646947c1e");

        await playground.OneAsync("alice", "/incident mitigate");
        await PublishAsync("alice");
        await Eventually.Until(() => Task.FromResult(page.Calls), c => c.Count(x => x.Method == "PATCH") == 1, "the update");
        var update = page.Calls.Single(c => c.Method == "PATCH");
        update.Path.Should().Be("/v1/pages/jb7j80lkgqvb/incidents/z3lct0r596n4");
        ((string?)update.Body!["incident"]!["status"]).Should().Be("monitoring");

        await playground.OneAsync("alice", "/incident resolve");
        await Eventually.Until(() => Task.FromResult(page.Calls), c => c.Count(x => x.Method == "PATCH") == 2, "the resolution");
        var resolved = page.Calls.Last(c => c.Method == "PATCH").Body!["incident"]!;
        ((string?)resolved["status"], (string?)resolved["components"]!["cmp-payments"]).Should().Be(("resolved", "operational"));
        page.Incidents.Should().ContainSingle("every later post updated the one incident");
        (await playground.OneAsync("lee", "/incident timeline INC-1")).Text.Should().Contain("opened the status page").And.Contain("resolved the status page");
    }

    [Fact]
    public async Task Only_the_IC_or_the_comms_lead_publishes()
    {
        await playground.OneAsync("alice", "/incident declare sev2 \"Checkout 5xx\" service:payments");

        (await playground.OneAsync("bob", "/incident comms INC-1 statuspage publish")).Text.Should().Contain("Only its incident commander or comms lead can publish to the status page");
        await playground.OneAsync("alice", "/incident role comms @priya");
        await PublishAsync("priya");

        await Eventually.Until(IncidentAsync, i => i.StatusPage?.Id is not null, "the page's incident id");
        page.Incidents.Should().ContainSingle();
    }

    [Fact]
    public async Task A_card_pressed_after_the_incident_changed_publishes_nothing()
    {
        await playground.OneAsync("alice", "/incident declare sev2 \"Checkout 5xx\" service:payments");
        var preview = await playground.OneAsync("alice", "/incident comms statuspage publish");
        await playground.OneAsync("alice", "/incident update \"Card vault failing over\"");

        var pressed = await playground.ActionAsync("alice", preview.MessageId, "incident.publish-status", preview.ActionData("incident.publish-status"));

        pressed.Single().Text.Should().Contain("changed");
        await bot.DrainOutboxAsync();
        page.Calls.Should().BeEmpty("the words previewed are no longer the words that would be posted");
    }

    [Fact]
    public async Task A_create_whose_answer_was_lost_is_found_again_not_opened_twice()
    {
        page.LoseAnswers = 1;
        await playground.OneAsync("alice", "/incident declare sev2 \"Checkout 5xx\" service:payments");

        await PublishAsync("alice");
        await Eventually.Until(() => Task.FromResult(page.Calls), c => c.Any(x => x.Method == "POST"), "the first create");
        await bot.RetryWaitingAsync(Incident.StatusPageFeed, "the post to wait for its retry");
        bot.Clock.Advance(TimeSpan.FromMinutes(10));
        await Eventually.Until(IncidentAsync, i => i.StatusPage?.Id is not null, "the page's incident id");

        page.Incidents.Should().ContainSingle();
        page.Calls.Count(c => c.Method == "POST").Should().Be(1, "the retry found the incident by its metadata and updated it");
    }
}

/// <summary>Without a page configured, publishing is refused with what to set; rendering still works.</summary>
public sealed class StatuspageNotConnectedTests : BotTest
{
    [Fact]
    public async Task Publishing_without_a_status_page_says_what_to_configure()
    {
        await Playground.OneAsync("alice", "/incident declare sev2 \"Checkout 5xx\" service:payments");

        (await Playground.OneAsync("alice", "/incident comms statuspage publish")).Text.Should().Contain("Statuspage:PageId and Statuspage:ApiKey");
        (await Playground.OneAsync("alice", "/incident comms email publish")).Text.Should().Contain("Only the status page is published from here");
        (await Playground.OneAsync("alice", "/incident comms statuspage")).Card!.ToJsonString().Should().Contain("Some customers may see problems with payments");
    }
}
