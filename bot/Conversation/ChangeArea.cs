using ExecOps.Cards;
using ExecOps.Cards.Changes;
using ExecOps.Workflows;
using ExecOps.Workflows.Changes;
using ExecOps.Workflows.Commands;
using ExecOps.Workflows.Notifications;
using ExecOps.Workflows.People;

namespace ExecOps.Bot.Conversation;

/// <summary>`/change` and the envelope's card buttons: a typed request to the change service and drills, and the result as cards.</summary>
public sealed class ChangeArea(ChangeService changes, Drills drills, PeopleDirectory people) : IChatArea
{
    public CommandArea Area => ChangeCommands.Area;

    public bool IsReadOnly(CommandLine line) => ChangeCommands.IsReadOnly(line);

    public Task<IReadOnlyList<Reply>> HandleAsync(Actor actor, CommandLine line) => AnswerAsync(actor, ChangeCommands.Parse(line));

    public IReadOnlyCollection<string> ActionIds => ChangeActionRequests.Ids;

    public IReadOnlyCollection<string> SubjectKinds { get; } = [Change.Kind, ChangeService.LinkKind];

    public async Task<Card?> SubjectCardAsync(Subject subject) => subject.Kind == ChangeService.LinkKind
        ? ChangeLinkCard.Build(await changes.GetAsync(subject.Id.Split('/')[0]), subject.Id.Split('/')[1])
        : ChangeCard.Build(await changes.GetAsync(subject.Id), people);

    public Task<IReadOnlyList<Reply>> ActAsync(Actor actor, string actionId, IReadOnlyDictionary<string, string> data) =>
        AnswerAsync(actor, ChangeActionRequests.Parse(actionId, data));

    public async Task<Card?> CurrentCardAsync(IReadOnlyDictionary<string, string> data) =>
        data.GetValueOrDefault(ChangeCard.Change) is { } id ? ChangeCard.Build(await changes.GetAsync(id), people) : null;

    private async Task<IReadOnlyList<Reply>> AnswerAsync(Actor actor, ChangeRequest request) => request switch
    {
        OpenChangeForm f => [Reply.Private(NewChangeCard.Build($"Missing: {string.Join(", ", f.Missing)}.", changes.Map.Entries.Select(e => e.Id).Order()))],
        OpenChange o => [Shared(await changes.CreateAsync(actor, o.Tier, o.Service, o.Title, ChangeCommands.Fields(o.Input, o.Tier, Owner(o.Input))))],
        ShowChange s => [Reply.Private(ChangeCard.Build(await changes.GetAsync(s.ChangeId), people))],
        EditChange e => [await EditAsync(actor, e)],
        DecideChange d => [Shared(await changes.ActAsync(d.ChangeId, c => Decide(actor, c, d), d.Seen))],
        LinkChangeToIncident l => [Reply.ToChannel(ChangeLinkCard.Build(await changes.LinkAsync(actor, l.ChangeId, l.IncidentId), l.IncidentId))],
        ShowChangeStats s => [Reply.Private(ChangeStatsCard.Build(s.Scope ?? "company", await changes.StatsAsync(KnownScope(s.Scope), s.Weeks)))],
        ShowChangeCalendar => [Reply.Private(ChangeCalendarCard.Build(await changes.CalendarAsync(), changes.Settings.Freezes))],
        RecordDrill r => [Reply.Private(await RecordDrillAsync(actor, r))],
        ListOverdueDrills => [Reply.Private(await OverdueDrillsAsync())],
        _ => throw new InvalidOperationException($"No handler for {request.GetType().Name}."),
    };

    private async Task<Reply> EditAsync(Actor actor, EditChange edit)
    {
        var existing = await changes.GetAsync(edit.ChangeId);
        var fields = ChangeCommands.Fields(edit.Input, existing.Data.Tier, Owner(edit.Input));
        return Shared(await changes.ActAsync(existing.Id, c => c.Edit(actor, fields)));
    }

    private static void Decide(Actor actor, Change change, DecideChange decision)
    {
        if (decision.Approve) change.Approve(actor);
        else change.Reject(actor, decision.Reason);
    }

    private string? KnownScope(string? scope) => scope is null || changes.Knows(scope) ? scope
        : throw new RefusedException(RefusalKind.NotFound, $"`{scope}` is neither a service nor a team in the ownership map. Services: {string.Join(", ", changes.Map.Entries.Select(e => e.Id).Order())}.");

    private async Task<string> RecordDrillAsync(Actor actor, RecordDrill drill)
    {
        var recorded = await drills.RecordAsync(actor, drill.Service, drill.Passed, drill.TimeToRollBack, drill.Notes);
        return $"Drill recorded: {(recorded.Passed ? "passed" : "failed")}, rolled back in {recorded.TimeToRollBack.TotalMinutes:0} min. The next is due in a quarter.";
    }

    private async Task<string> OverdueDrillsAsync()
    {
        var overdue = await drills.OverdueAsync();
        return overdue.Count == 0 ? "Every Tier 0/1 service has drilled this quarter."
            : "Drills overdue:\n" + string.Join("\n", overdue.Select(o => $"• {o.Service}: " + (o.Last is { } l ? $"last drilled {l.At:yyyy-MM-dd} ({(l.Passed ? "passed" : "failed")})" : "never drilled")));
    }

    private string? Owner(ChangeInput input) => input.Owner is { } owner ? people.Require(owner).Id : null;

    private Reply Shared(Change change) => Reply.ToChannel(ChangeCard.Build(change, people));
}
