using ExecOps.Workflows.Reports;

namespace ExecOps.Workflows.Compliance;

/// <summary>What an audit pack is drafted from, read in one transaction: the controls in scope and what stands behind each.</summary>
public sealed record AuditPackFacts(
    string Scope,
    DateTimeOffset DraftedAt,
    string DraftedFor,
    IReadOnlyList<ControlStanding> Controls,
    IReadOnlyList<EvidenceItem> Evidence,
    IReadOnlyList<VendorData> Vendors);

/// <summary>
/// The audit pack (seed §7) as files: a Markdown summary in five sections and one CSV per section, so an auditor
/// can sample from the evidence index and check each item's SHA-256 against what the bot holds.
/// </summary>
public static class AuditPack
{
    public const string SummaryFile = "audit-pack.md";
    public const string ControlsFile = "controls.csv";
    public const string EvidenceFile = "evidence.csv";
    public const string ExceptionsFile = "exceptions.csv";
    public const string VendorsFile = "vendors.csv";
    public const string FindingsFile = "findings.csv";

    public static IReadOnlyList<ReportFile> Files(AuditPackFacts facts, Func<string, string> name)
    {
        var exceptions = facts.Controls.SelectMany(c => c.Data.Exceptions.Where(e => e.IsOpen).Select(e => (c.Definition, Exception: e))).OrderBy(x => x.Exception.Until).ToList();
        var findings = facts.Controls.SelectMany(c => c.Data.DryRuns.SelectMany(r => r.Findings.Select(f => (c.Definition, r.Quarter, Finding: f)))).ToList();
        var vendors = facts.Vendors.Where(v => !v.IsOffboarded).ToList();

        var summary = new Markdown()
            .Heading(1, $"Audit pack: {facts.Scope}")
            .Paragraph($"Drafted {facts.DraftedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC for {facts.DraftedFor}: {facts.Controls.Count} control(s), {facts.Evidence.Count} evidence item(s), " +
                $"{exceptions.Count} open exception(s), {vendors.Count} vendor(s), {findings.Count} finding(s). Each section's rows are also in its CSV file.")
            .Heading(2, "1. Controls")
            .Table(["Control", "Title", "Frameworks", "Owner", "Status", "Evidence due"], facts.Controls.Select(c => (IReadOnlyList<string>)
                [c.Definition.Id, c.Definition.Title, string.Join(", ", c.Definition.Frameworks), name(c.Definition.Owner), c.Data.Colour,
                 string.Join("; ", c.Health.Select(Due))]), "No control answers this scope.")
            .Heading(2, "2. Evidence index")
            .Paragraph("Each item is append-only; its SHA-256 is over the content exactly as recorded, and its recorded time cannot be changed.")
            .Table(["Control", "#", "Kind", "Happened", "Recorded", "By", "Source", "SHA-256"], facts.Evidence.Select(i => (IReadOnlyList<string>)
                [i.Control, $"{i.Sequence}", i.Kind, Markdown.Day(i.HappenedAt), $"{i.RecordedAt:yyyy-MM-ddTHH:mm:ssZ}", name(i.By), Words(i.Source), i.Sha256]), "No evidence recorded.")
            .Heading(2, "3. Open exceptions")
            .Table(["Control", "Exception", "State", "Until", "Compensating", "Reason", "Requested by", "Approver"], exceptions.Select(x => (IReadOnlyList<string>)
                [x.Definition.Id, $"{x.Exception.Number}", Words(x.Exception.State), Markdown.Day(x.Exception.Until), x.Exception.Compensating, x.Exception.Reason,
                 name(x.Exception.RequestedBy), name(x.Exception.Approver)]), "No exception is waiting or in force.")
            .Heading(2, "4. Vendor register")
            .Table(["Vendor", "Name", "Data", "Region", "DPA", "Owner", "Next review", "Flags"], vendors.Select(v => (IReadOnlyList<string>)
                [v.Id, v.Name, Vendor.CatalogWords(v.Data), v.Region, v.Dpa ? "yes" : "no", name(v.Owner), Markdown.Day(v.NextReview), Flags(v)]), "No vendors in use.")
            .Heading(2, "5. Findings")
            .Table(["Control", "Dry run", "#", "Finding", "By", "On"], findings.Select(x => (IReadOnlyList<string>)
                [x.Definition.Id, x.Quarter, $"{x.Finding.Number}", x.Finding.Text, name(x.Finding.By), Markdown.Day(x.Finding.At)]), "No findings recorded.");

        var controls = new Csv("control", "title", "frameworks", "owner", "backup", "status", "classification", "evidence_due");
        foreach (var c in facts.Controls)
            controls.Row(c.Definition.Id, c.Definition.Title, string.Join("; ", c.Definition.Frameworks), c.Definition.Owner, c.Definition.Backup, c.Data.Colour,
                c.Definition.Classification.ToString().ToLowerInvariant(), string.Join("; ", c.Health.Select(Due)));
        var evidence = new Csv("control", "sequence", "kind", "source", "reference", "happened_at", "recorded_at", "recorded_by", "sha256", "content");
        foreach (var i in facts.Evidence) evidence.Row(i.Control, i.Sequence, i.Kind, Words(i.Source), i.Reference, i.HappenedAt, i.RecordedAt, i.By, i.Sha256, i.Content);
        var open = new Csv("control", "exception", "state", "until", "compensating", "reason", "requested_by", "approver");
        foreach (var (definition, e) in exceptions) open.Row(definition.Id, e.Number, Words(e.State), Markdown.Day(e.Until), e.Compensating, e.Reason, e.RequestedBy, e.Approver);
        var register = new Csv("vendor", "name", "data", "region", "dpa", "owner", "next_review", "raised_risk");
        foreach (var v in vendors) register.Row(v.Id, v.Name, Vendor.CatalogWords(v.Data), v.Region, v.Dpa ? "yes" : "no", v.Owner, Markdown.Day(v.NextReview), v.RaisedRisk);
        var found = new Csv("control", "quarter", "finding", "text", "by", "at", "task_key");
        foreach (var (definition, quarter, f) in findings) found.Row(definition.Id, quarter, f.Number, f.Text, f.By, f.At, f.TaskKey);

        return
        [
            new(SummaryFile, summary.ToString()), new(ControlsFile, controls.ToString()), new(EvidenceFile, evidence.ToString()),
            new(ExceptionsFile, open.ToString()), new(VendorsFile, register.ToString()), new(FindingsFile, found.ToString()),
        ];
    }

    private static string Due(RequirementHealth health) =>
        $"{health.Requirement.Kind} {Words(health.Requirement.Every)}, {(health.Latest is { } at ? $"last {Markdown.Day(at)}" : "none yet")}, due {Markdown.Day(health.Due)}";

    private static string Flags(VendorData vendor) =>
        string.Join("; ", new[] { vendor.LacksDpa ? "personal or sensitive data without a DPA" : null, vendor.IsReviewOverdue ? "review overdue" : null }.OfType<string>());

    private static string Words<T>(T value) where T : struct, Enum => Catalogs.CatalogFields.Words(value);
}
