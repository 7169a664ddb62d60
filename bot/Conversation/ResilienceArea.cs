using ExecOps.Cards;
using ExecOps.Cards.Resilience;
using ExecOps.Workflows.Commands;
using ExecOps.Workflows.Notifications;
using ExecOps.Workflows.People;
using ExecOps.Workflows.Resilience;

namespace ExecOps.Bot.Conversation;

/// <summary>`/resilience`: the scorecard, DR drills and the game-day catalog, as typed requests to the resilience service.</summary>
public sealed class ResilienceArea(ResilienceService resilience, PeopleDirectory people, TimeProvider clock) : IChatArea
{
    public CommandArea Area => ResilienceCommands.Area;

    public bool IsReadOnly(CommandLine line) => false;

    public async Task<IReadOnlyList<Reply>> HandleAsync(Actor actor, CommandLine line) => ResilienceCommands.Parse(line, clock.GetUtcNow()) switch
    {
        ShowScorecard => [Reply.Private(ResilienceCards.Scorecard(await resilience.ScorecardAsync(), people))],
        RecordDrDrill d => [Reply.Private(Drilled(d.Service, await resilience.RecordDrillAsync(actor, d)))],
        PlanGameDay p => [Reply.Private(ResilienceCards.GameDay((await resilience.PlanAsync(actor, p)).Data, people))],
        ListGameDays => [Reply.Private(ResilienceCards.GameDays(await resilience.GameDaysAsync(), people))],
        RecordGameDay r => [Reply.Private(ResilienceCards.GameDay((await resilience.RecordAsync(actor, r)).Data, people))],
        var other => throw new InvalidOperationException($"No handler for {other.GetType().Name}."),
    };

    public IReadOnlyCollection<string> SubjectKinds { get; } = [GameDay.Kind];

    public async Task<Card?> SubjectCardAsync(Subject subject) =>
        (await resilience.GameDaysAsync()).FirstOrDefault(g => g.Id == subject.Id) is { } gameDay ? ResilienceCards.GameDay(gameDay, people) : null;

    private static string Drilled(string service, DrDrill drill) =>
        $"DR drill of {service} recorded: {(drill.Passed ? "passed" : "failed")}, recovered in {drill.Recovery.TotalMinutes:0} min." +
        (drill.RaisedRisk is { } risk ? $" It missed its targets, so {risk} is open in the risk register." : " Within its targets.");
}
