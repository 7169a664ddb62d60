using ExecOps.Cards;
using ExecOps.Workflows.Changes;
using ExecOps.Workflows.Commands;
using ExecOps.Workflows.People;

namespace ExecOps.Bot.Conversation;

/// <summary>`/breakglass`: a typed request to the grants, and the answer in words.</summary>
public sealed class BreakGlassArea(BreakGlasses grants, PeopleDirectory people) : IChatArea
{
    public CommandArea Area => BreakGlassCommands.Area;

    public bool IsReadOnly(CommandLine line) => BreakGlassCommands.IsReadOnly(line.Verb);

    public async Task<IReadOnlyList<Reply>> HandleAsync(Actor actor, CommandLine line) => [Reply.Private(BreakGlassCommands.Parse(line) switch
    {
        FileBreakGlassReview r => $"{(await grants.ReviewAsync(actor, r.GrantId, r.Review)).Data.Id} review filed.",
        ListActiveGrants => Active(await grants.ActiveAsync()),
        TakeEmergencyAccess t => Granted(await grants.GrantAsync(actor, t.Service, t.Reason, t.Duration)),
        var request => throw new InvalidOperationException($"No handler for {request.GetType().Name}."),
    })];

    private string Active(IReadOnlyList<BreakGlassData> active) => active.Count == 0 ? "No emergency access is active."
        : "Active now:\n" + string.Join("\n", active.Select(g => $"• {g.Id}: {people.NameOf(g.Person)} on {g.Service} until {g.Until:HH:mm} UTC ({g.Reason})"));

    private static string Granted(BreakGlass grant) =>
        $"{grant.Data.Id}: you have emergency access to {grant.Data.Service} until {grant.Data.Until:yyyy-MM-dd HH:mm} UTC. Security has been told. File the review by {grant.Data.GrantedAt + BreakGlass.ReviewWithin:yyyy-MM-dd HH:mm} UTC.";
}
