using ExecOps.Bot.Reports;
using ExecOps.Cards;
using ExecOps.Cards.Compliance;
using ExecOps.Workflows.Commands;
using ExecOps.Workflows.Compliance;
using ExecOps.Workflows.Notifications;
using ExecOps.Workflows.People;

namespace ExecOps.Bot.Conversation;

/// <summary>`/compliance` and its cards' buttons: a typed request to the compliance service, and the result as cards.</summary>
public sealed partial class ComplianceArea(ComplianceService compliance, Vendors vendors, AuditPacks packs, ReportLinks links, PeopleDirectory people) : IChatArea
{
    public CommandArea Area => ComplianceCommands.Area;

    /// <summary>Nothing here is for strangers: control health and exceptions are the company's own.</summary>
    public bool IsReadOnly(CommandLine line) => false;

    public Task<IReadOnlyList<Reply>> HandleAsync(Actor actor, CommandLine line) => AnswerAsync(actor, ComplianceCommands.Parse(line));

    public IReadOnlyCollection<string> ActionIds => ComplianceActions.All;

    public IReadOnlyCollection<string> SubjectKinds { get; } = [Control.Kind, Control.ExceptionKind, Control.DryRunKind, ComplianceReminders.StatusKind, Vendor.Kind];

    public async Task<Card?> SubjectCardAsync(Subject subject) => subject.Kind switch
    {
        ComplianceReminders.StatusKind => ComplianceStatusCard.Build(await compliance.StatusAsync(), people, $"Weekly compliance {subject.Id}"),
        Vendor.Kind => VendorCards.Show(await vendors.GetAsync(subject.Id), people),
        Control.DryRunKind => await DryRunCardAsync(subject.Id.Split('/')[0], subject.Id.Split('/')[1]),
        Control.ExceptionKind => await RefreshAsync(new RefreshControlCard(subject.Id.Split('/')[0], int.Parse(subject.Id.Split('/')[1], System.Globalization.CultureInfo.InvariantCulture))),
        _ => ControlCard.Build(await compliance.StandingAsync(subject.Id), null, people),
    };

    public Task<IReadOnlyList<Reply>> ActAsync(Actor actor, string actionId, IReadOnlyDictionary<string, string> data) =>
        AnswerAsync(actor, ComplianceActionRequests.Parse(actionId, data));

    public async Task<Card?> CurrentCardAsync(IReadOnlyDictionary<string, string> data) =>
        data.GetValueOrDefault(ComplianceActions.Control) is { } id
            ? ComplianceActionRequests.RefreshOf(id, data) switch
            {
                RefreshDryRunCard d => await DryRunCardAsync(d.ControlId, d.Quarter),
                var r => await RefreshAsync((RefreshControlCard)r),
            }
            : null;

    private async Task<IReadOnlyList<Reply>> AnswerAsync(Actor actor, ComplianceRequest request) => request switch
    {
        ShowComplianceStatus => [Reply.Private(ComplianceStatusCard.Build(await compliance.StatusAsync(), people))],
        DraftPack p => [Reply.Private(links.CardFor(actor.Id, await packs.DraftAsync(actor, p.Framework)))],
        ShowExceptions => [Reply.Private(ExceptionsCard.Build(await compliance.StatusAsync(), people))],
        ShowControl s => [Reply.Private(await ControlAsync(actor, s.ControlId))],
        RefreshControlCard r => [Reply.Private(await RefreshAsync(r))],
        RecordEvidence e => [await RecordAsync(actor, e)],
        AskException a => [Reply.Private(await AskAsync(actor, a))],
        DecideException d => [Reply.ToChannel(await DecideAsync(actor, d))],
        RefreshDryRunCard r => [Reply.Private(await DryRunCardAsync(r.ControlId, r.Quarter))],
        ConfirmDryRun c => [Reply.ToChannel(await DryRunAsync(c.ControlId, c.Quarter, (control, quarter) => control.ConfirmDryRun(actor, quarter), c.Seen))],
        ReportFinding f => [Reply.ToChannel(await DryRunAsync(f.ControlId, f.Quarter, (control, quarter) => control.RecordFinding(actor, quarter, f.Text), f.Seen))],
        AddVendor a => [await AddVendorAsync(actor, a)],
        ShowVendors => [Reply.Private(VendorCards.List(await vendors.ListAsync(), people))],
        ShowVendor v => [Reply.Private(VendorCards.Show(await vendors.GetAsync(v.VendorId), people))],
        ReviewVendor r => [Reply.Private(VendorCards.Show(await vendors.ActAsync(actor, r.VendorId, v => v.Review(actor, r.Next, r.Dpa, r.Notes)), people))],
        OffboardVendor o => [Reply.Private(VendorCards.Show(await vendors.ActAsync(actor, o.VendorId, v => v.Offboard(actor, o.Reason)), people))],
        _ => throw new InvalidOperationException($"No handler for {request.GetType().Name}."),
    };

    private async Task<Card> ControlAsync(Actor actor, string id)
    {
        var standing = await compliance.StandingAsync(id);
        var control = await compliance.GetAsync(id);
        return ControlCard.Build(standing, control.MayRead(actor) ? (await compliance.EvidenceAsync(actor, id)).Items : null, people);
    }

    private async Task<Card> RefreshAsync(RefreshControlCard refresh)
    {
        var control = await compliance.GetAsync(refresh.ControlId);
        return control.Data.Exceptions.FirstOrDefault(e => e.Number == refresh.Exception) is { } exception
            ? ControlExceptionCard.Build(control, exception, people)
            : ControlCard.Build(await compliance.StandingAsync(refresh.ControlId), null, people);
    }
}
