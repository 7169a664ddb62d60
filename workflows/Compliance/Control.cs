using ExecOps.Workflows.Kernel;
using ExecOps.Workflows.Notifications;
using ExecOps.Workflows.People;
using ExecOps.Workflows.Tasks;

namespace ExecOps.Workflows.Compliance;

/// <summary>
/// One control of the catalog and what may happen to it: its health follows its evidence (the machine
/// decides when it turns yellow or red and who is told), and it takes exceptions until a date.
/// </summary>
public sealed partial class Control(ControlData data, long version, ControlDefinition definition, ComplianceSettings settings, IReadOnlyList<string> cisos, DateTimeOffset now)
    : Aggregate<ControlData>(data, version)
{
    public const string Kind = "control";
    public const string ExceptionKind = "control-exception";

    public override string Id => Data.Id;
    public override string StoredState => Data.State.ToString();
    public ControlDefinition Definition { get; } = definition;
    public ComplianceSettings Settings { get; } = settings;

    private DateOnly Today => DateOnly.FromDateTime(now.UtcDateTime);

    /// <summary>Brings the control's colour to what its evidence says; a change of colour is logged, and yellow or red is told.</summary>
    public void Assess(IReadOnlyList<RequirementHealth> health)
    {
        var late = health.Where(h => h.Freshness != Freshness.Fresh).ToList();
        ControlMachine.For(Data, () => TurnedStale(late), () => TurnedRed(late), TurnedGreen).Fire(ControlHealth.Verdict(health));
    }

    /// <summary>Evidence was recorded: logged on the control's timeline with its hash (the item itself is kept apart, append-only).</summary>
    public void Recorded(Actor actor, EvidenceItem item) =>
        Log(actor, $"evidence {item.Kind} #{item.Sequence} recorded ({item.Source.ToString().ToLowerInvariant()}), sha256 {item.Sha256[..12]}…");

    /// <summary>Who may read the control's evidence: its owner and backup, the CISO, auditors and admins.</summary>
    public bool MayRead(Actor actor) =>
        actor.Id == Definition.Owner || actor.Id == Definition.Backup || actor.Has(Roles.Ciso) || actor.Has(Roles.Auditor) || actor.Has(Roles.Admin);

    /// <summary>Who may add evidence: its owner and backup, the CISO and admins; never an auditor, who must stay independent of it.</summary>
    public bool MayAddEvidence(Actor actor) =>
        actor.Id == Definition.Owner || actor.Id == Definition.Backup || actor.Has(Roles.Ciso) || actor.Has(Roles.Admin);

    private void TurnedGreen()
    {
        Data.Since = now;
        Log(Actor.System, "green: every kind of evidence it needs is fresh");
    }

    private void TurnedStale(IReadOnlyList<RequirementHealth> late)
    {
        Data.Since = now;
        var what = Describe(late);
        Log(Actor.System, $"yellow: {what}");
        Tell(Definition.Owner, $"{Id} \"{Definition.Title}\" is yellow: {what}. Add it with `/compliance evidence {Id} kind:{late[0].Requirement.Kind} <url or text>`; " +
            $"on {late.Min(h => h.RedAt):yyyy-MM-dd HH:mm} UTC it turns red and goes to {Definition.Backup} and the CISO.");
    }

    private void TurnedRed(IReadOnlyList<RequirementHealth> late)
    {
        Data.Since = now;
        var what = Describe(late);
        Log(Actor.System, $"red: {what}");
        var text = $"{Id} \"{Definition.Title}\" is red: {what}. Its owner is {Definition.Owner}; add the evidence with `/compliance evidence {Id} …` or ask for an exception with `/compliance exception {Id} until:… compensating:\"…\" reason:\"…\"`.";
        foreach (var person in new[] { Definition.Owner, Definition.Backup }.Concat(cisos).Distinct()) Tell(person, text);
        Ask(new FollowUpRequest($"compliance/{Id}/red/{Today:yyyy-MM-dd}", Definition.Owner, $"{Id} \"{Definition.Title}\" is red: {what}.", Id));
    }

    private static string Describe(IReadOnlyList<RequirementHealth> late) => string.Join("; ", late.Select(h => h.Latest is { } at
        ? $"{h.Requirement.Kind} ({h.Requirement.Every.ToString().ToLowerInvariant()}) last {at:yyyy-MM-dd}, due {h.Due:yyyy-MM-dd}"
        : $"{h.Requirement.Kind} ({h.Requirement.Every.ToString().ToLowerInvariant()}) never recorded, due {h.Due:yyyy-MM-dd}"));

    private void Log(Actor actor, string what) => Note(actor.Id, Kind, what, now);

    private void Tell(string person, string text, string? about = null, string kind = ExceptionKind) =>
        Send(new Notification(Recipient.Person(person), text, about is null ? new Subject(Kind, Id) : new Subject(kind, about)));
}
