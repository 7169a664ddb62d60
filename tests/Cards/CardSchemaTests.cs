using System.Text.Json.Nodes;
using ExecOps.Cards;
using ExecOps.Cards.Incidents;
using ExecOps.Cards.People;
using ExecOps.Cards.Rendering.AdaptiveCards;
using ExecOps.Tests.Support;
using ExecOps.Tests.Workflows.Incidents;
using ExecOps.Workflows.Incidents;
using ExecOps.Workflows.People;
using ExecOps.Workflows.Storage;

namespace ExecOps.Tests.Cards;

/// <summary>Every kind of card the bot sends, rendered and checked against the official Adaptive Card 1.5 schema.</summary>
public sealed class CardSchemaTests
{
    private static readonly PeopleDirectory People = new([IncidentBuilder.Alice, IncidentBuilder.Bob, IncidentBuilder.Sam, IncidentBuilder.Dana]);

    public static IEnumerable<(string Name, Card Card)> EveryCard()
    {
        foreach (var state in new[] { IncidentState.Declared, IncidentState.Investigating, IncidentState.Identified, IncidentState.Mitigated, IncidentState.Resolved, IncidentState.Closed })
            yield return ($"incident card while {state}", IncidentCard.Build(IncidentBuilder.In(state), People));
        var incident = IncidentBuilder.In(IncidentState.Investigating);
        yield return ("exec brief", IncidentBriefCard.Build(incident, People, IncidentBuilder.Start.AddMinutes(75)));
        yield return ("timeline", IncidentTimelineCard.Build(incident, [new TimelineEntry(1, incident.Id, IncidentBuilder.Start, "alice", "declared", "Sev1 declared")], People));
        yield return ("incident list", IncidentListCard.Build([incident, IncidentBuilder.In(IncidentState.Resolved)], false, People));
        yield return ("empty incident list", IncidentListCard.Build([], true, People));
        yield return ("trends", IncidentReportCards.Trends(new IncidentTrends(2026, 11, 3,
            [new SeverityTrend(Severity.Sev1, 2, TimeSpan.FromMinutes(95)), new SeverityTrend(Severity.Sev2, 1, null)], ["config-change"], ["INC-1: EU cards failing"])));
        yield return ("empty trends", IncidentReportCards.Trends(new IncidentTrends(2026, 10, 0, [], [], [])));
        yield return ("repeat offenders", IncidentReportCards.RepeatOffenders([new RepeatOffender("capacity", ["INC-1", "INC-4"])]));
        yield return ("no repeat offenders", IncidentReportCards.RepeatOffenders([]));
        yield return ("comms draft", IncidentReportCards.Comms(incident, "statuspage", "[investigating] Checkout 5xx"));
        yield return ("people", PeopleCard.Build(People));
    }

    [Fact]
    public void Every_card_kind_is_a_valid_Adaptive_Card_1_5()
    {
        var cards = EveryCard().ToList();

        var results = JsonSchemaValidator.Validate("adaptive-card-1.5.0.schema.json", cards.Select(c => AdaptiveCardRenderer.Render(c.Card).ToJsonString()).ToList());

        var invalid = cards.Zip(results).Where(p => !p.Second.IsValid).Select(p => $"{p.First.Name}: {string.Join("; ", p.Second.Errors)}").ToList();
        invalid.Should().BeEmpty();
        results.Should().HaveCount(cards.Count);
    }

    [Fact]
    public void The_shared_view_of_every_card_kind_is_valid_too()
    {
        var cards = EveryCard().ToList();

        var results = JsonSchemaValidator.Validate("adaptive-card-1.5.0.schema.json",
            cards.Select(c => AdaptiveCardRenderer.RenderShared(c.Card, ["29:alice-teams-id"]).ToJsonString()).ToList());

        cards.Zip(results).Where(p => !p.Second.IsValid).Select(p => $"{p.First.Name}: {string.Join("; ", p.Second.Errors)}").Should().BeEmpty();
    }

    [Fact]
    public void The_shared_view_hides_the_buttons_and_refreshes_them_for_the_actors_only()
    {
        var card = IncidentCard.Build(IncidentBuilder.In(IncidentState.Investigating), People);

        var shared = AdaptiveCardRenderer.RenderShared(card, ["29:alice"]);

        shared["actions"].Should().BeNull();
        ((string?)shared["refresh"]!["action"]!["verb"]).Should().Be("incident.refresh");
        ((string?)shared["refresh"]!["action"]!["data"]!["incident"]).Should().Be("INC-7");
        shared["refresh"]!["userIds"]!.AsArray().Select(u => (string?)u).Should().Equal("29:alice");
        card.Actors.Should().Equal("alice", "sam");
    }

    [Fact]
    public void The_validator_would_catch_a_broken_card()
    {
        var card = AdaptiveCardRenderer.Render(IncidentCard.Build(IncidentBuilder.In(IncidentState.Declared), People));
        card["actions"]![0]!["type"] = "Action.Teleport";

        JsonSchemaValidator.Validate("adaptive-card-1.5.0.schema.json", card.ToJsonString()).IsValid.Should().BeFalse();
    }

    [Fact]
    public void Buttons_render_as_Action_Execute_whose_verb_is_the_shared_action_id()
    {
        var card = AdaptiveCardRenderer.Render(IncidentCard.Build(IncidentBuilder.In(IncidentState.Investigating), People));

        CardJson.Verbs(card).Should().Equal("incident.identify", "incident.mitigate", "incident.resolve", "incident.update");
        ((string?)CardJson.DataOf(card, "incident.resolve")["incident"]).Should().Be("INC-7");
        ((string?)card["version"]).Should().Be("1.5");
    }

    [Fact]
    public void The_incident_card_is_pinned_as_rendered()
    {
        var card = AdaptiveCardRenderer.Render(IncidentCard.Build(IncidentBuilder.In(IncidentState.Mitigated), People));

        var pinned = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Cards", "incident-card.mitigated.json")));

        JsonNode.DeepEquals(card, pinned).Should().BeTrue($"the rendering changed; if on purpose, update the pinned file with:\n{card}");
    }
}
