using ExecOps.Cards;
using ExecOps.Workflows;
using ExecOps.Workflows.Changes;
using ExecOps.Workflows.Commands;
using ExecOps.Workflows.People;

namespace ExecOps.Bot.Conversation;

/// <summary>`/breakglass`: emergency access at once, announced to security, expiring by itself, reviewed after.</summary>
public sealed class BreakGlassArea(BreakGlasses grants, PeopleDirectory people) : IChatArea
{
    public CommandArea Area { get; } = new("breakglass", "emergency access to a service: at once, audited, expiring by itself",
    [
        new("", "/breakglass service:<name> reason:\"…\" duration:<up to 4h>", "Take emergency access now; security is told, and a review is due within 48 hours.") ,
        new("review", "/breakglass review BG-n \"what was done and why\"", "File the post-event review."),
        new("list", "/breakglass list", "Grants active now.", ReadOnly: true),
    ]) { RunsBare = true };

    public bool IsReadOnly(CommandLine line) => line.Verb == "list";

    public async Task<IReadOnlyList<Reply>> HandleAsync(Actor actor, CommandLine line)
    {
        switch (line.Verb)
        {
            case "review":
                var reviewed = await grants.ReviewAsync(actor, line.Arguments.FirstOrDefault() ?? "", line.Arguments.Skip(1).FirstOrDefault() ?? "");
                return [Reply.Private($"{reviewed.Data.Id} review filed.")];
            case "list":
                var active = await grants.ActiveAsync();
                return [Reply.Private(active.Count == 0 ? "No emergency access is active." : "Active now:\n" + string.Join("\n", active.Select(g => $"• {g.Id}: {people.NameOf(g.Person)} on {g.Service} until {g.Until:HH:mm} UTC ({g.Reason})")))];
            case null:
                var grant = await grants.GrantAsync(actor, line.Option("service") ?? throw new RefusedException(RefusalKind.Invalid, "service:<name> is missing."),
                    line.Option("reason") ?? "", CommandValues.Duration(line.Option("duration")));
                return [Reply.Private($"{grant.Data.Id}: you have emergency access to {grant.Data.Service} until {grant.Data.Until:yyyy-MM-dd HH:mm} UTC. Security has been told. File the review by {grant.Data.GrantedAt + BreakGlass.ReviewWithin:yyyy-MM-dd HH:mm} UTC.")];
            default:
                throw new RefusedException(RefusalKind.Invalid, $"`/breakglass {line.Verb}` is not a break-glass command.\n{Area.Help()}");
        }
    }
}
