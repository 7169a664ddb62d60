using ExecOps.Workflows.Kernel;
using ExecOps.Workflows.Machines;
using ExecOps.Workflows.Notifications;
using ExecOps.Workflows.People;
using ExecOps.Workflows.Reminders;

namespace ExecOps.Workflows.Adrs;

/// <summary>An architecture decision record and what may happen to it; the machine decides, the ADR records and announces.</summary>
public sealed class Adr(AdrData data, long version, AdrSettings settings, DateTimeOffset now) : Aggregate<AdrData>(data, version)
{
    public const string Kind = "adr";
    public const string DecideDue = "adr.decide";

    public override string Id => Data.Id;
    public override string StoredState => Data.State.ToString();

    public bool MayDecide(Actor actor) => actor.Has(Roles.Exec) || actor.Has(Roles.Admin) || (Data.FundedByApprover is { } approver && actor.Id == approver);

    public bool Can(Actor actor, AdrTrigger trigger) => AdrMachine.For(Data, () => MayDecide(actor)).CanFire(trigger);

    public static Adr Propose(long number, string title, string context, string decision, string consequences, (string Id, string? Approver)? fundedBy, Actor actor, AdrSettings settings, DateTimeOffset now)
    {
        var data = new AdrData
        {
            Id = $"ADR-{number}", Number = number, Title = title, Context = context, Decision = decision, Consequences = consequences,
            FundedBy = fundedBy?.Id, FundedByApprover = fundedBy?.Approver, ProposedBy = actor.Id, ProposedAt = now,
        };
        var adr = new Adr(data, 0, settings, now);
        adr.Note(actor.Id, "adr", $"proposed{(data.FundedBy is { } d ? $", funded by {d}" : "")}", now);
        var asked = data.FundedByApprover is { } approver ? $"{approver} (the approver of {data.FundedBy}) or an exec" : "an exec";
        adr.Send(new Notification(Recipient.Channel(settings.Channel), $"{data.Id} proposed by {actor.Name}: {title}. A one-way door: {asked} accepts it.", new Subject(Kind, data.Id)));
        if (data.FundedByApprover is { } person && person != actor.Id)
            adr.Send(new Notification(Recipient.Person(person), $"{data.Id} \"{title}\" records a one-way door funded by {data.FundedBy}; accept it when it is right.", new Subject(Kind, data.Id)));
        adr.Schedule(new Reminder(adr.DecideKey, DecideDue, data.Id, now + settings.DecideWithin));
        return adr;
    }

    public void Accept(Actor actor)
    {
        AdrMachine.For(Data, () => MayDecide(actor)).FireOrRefuse(AdrTrigger.Accept, Id, Id);
        (Data.AcceptedBy, Data.AcceptedAt) = (actor.Id, now);
        Note(actor.Id, "adr", "accepted", now);
        Cancel(DecideKey);
        Send(new Notification(Recipient.Channel(settings.Channel), $"{Id} \"{Data.Title}\" is accepted by {actor.Name}.", new Subject(Kind, Id)));
        if (Data.ProposedBy != actor.Id) Send(new Notification(Recipient.Person(Data.ProposedBy), $"{Id} \"{Data.Title}\" is accepted by {actor.Name}.", new Subject(Kind, Id)));
    }

    /// <summary>This accepted ADR gives way to <paramref name="by"/>, which records that it supersedes this one.</summary>
    public void SupersedeBy(Actor actor, Adr by)
    {
        if (by.Id == Id || !by.Data.IsProposed && !by.Data.IsInForce)
            throw new RefusedException(RefusalKind.Invalid, $"{Id} can only be superseded by another ADR that is proposed or accepted; {by.Id} is {Refusals.Words(by.Data.State)}.", Id);
        AdrMachine.For(Data, () => MayDecide(actor)).FireOrRefuse(AdrTrigger.Supersede, Id, Id);
        Data.SupersededBy = by.Id;
        by.Data.Supersedes = Id;
        Note(actor.Id, "adr", $"superseded by {by.Id}", now);
        Send(new Notification(Recipient.Channel(settings.Channel), $"{Id} \"{Data.Title}\" is superseded by {by.Id} \"{by.Data.Title}\" ({actor.Name}).", new Subject(Kind, by.Id)));
    }

    /// <summary>Still proposed after its time: the channel is told once that a one-way door waits on a decision.</summary>
    public void RemindDeciders()
    {
        if (!Data.IsProposed) return;
        Send(new Notification(Recipient.Channel(settings.Channel), $"{Id} \"{Data.Title}\" has waited {settings.DecideWithin.TotalDays:0} days for acceptance: {AdrMachine.Deciders} decides it.", new Subject(Kind, Id)));
        if (Data.FundedByApprover is { } approver) Send(new Notification(Recipient.Person(approver), $"Reminder: {Id} \"{Data.Title}\" waits for your acceptance.", new Subject(Kind, Id)));
    }

    private string DecideKey => $"adr/{Id}/decide";
}
