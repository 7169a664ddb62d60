using System.Globalization;
using ExecOps.Workflows.People;
using ExecOps.Workflows.Scoreboard;

namespace ExecOps.Workflows.Compliance;

/// <summary>One row of evidence as a pipeline sent it, before it is checked; <see cref="Unreadable"/> says why a row could not even be read.</summary>
public sealed record EvidenceInput(string? Control, string? Kind, string? Content, string? Reference = null, string? At = null, string? By = null, string? Unreadable = null);

/// <summary>
/// Checks a batch for the evidence API: every row names a control of the catalog, a kind it needs (or the
/// control has only one), the evidence itself, and optionally when it happened, who sent it and a
/// reference that makes sending it again one item. One bad row refuses the batch, every bad row named.
/// </summary>
public sealed class EvidenceIntake(ControlCatalog catalog, PeopleDirectory people)
{
    public const int MaxBatch = 1000;
    public const int MaxReference = 200;

    public (IReadOnlyList<NewEvidence> Rows, IReadOnlyList<RejectedRow> Rejected) Check(IReadOnlyList<EvidenceInput?> batch, DateTimeOffset now)
    {
        if (batch.Count == 0) throw new RefusedException(RefusalKind.Invalid, "The batch is empty; send at least one item of evidence.");
        if (batch.Count > MaxBatch)
            throw new RefusedException(RefusalKind.TooLarge, $"The batch has {batch.Count} items; the limit is {MaxBatch}. Split it into smaller batches; nothing was stored.");
        var rows = new List<NewEvidence>();
        var rejected = new List<RejectedRow>();
        for (var i = 0; i < batch.Count; i++)
        {
            try { rows.Add(Check(batch[i], now)); }
            catch (RefusedException e) { rejected.Add(new RejectedRow(i, e.Message)); }
        }
        var twice = rows.GroupBy(r => (r.Control, r.Key)).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null) rejected.Add(new RejectedRow(batch.Count - 1, $"{twice.Key.Control} has the same evidence (reference {twice.Key.Key}) twice in this batch; send it once"));
        return (rows, rejected);
    }

    private NewEvidence Check(EvidenceInput? input, DateTimeOffset now)
    {
        if (input is null) throw Invalid("the row is empty");
        if (input.Unreadable is { } unreadable) throw Invalid(unreadable);
        if (input.Control is null) throw Invalid("control is missing; name a control of the catalog, e.g. CTRL-3");
        var control = catalog.Find(input.Control) ?? throw Invalid($"control {input.Control} is not in the catalog ({catalog.Controls[0].Id} – {catalog.Controls[^1].Id})");
        var kind = ComplianceService.KindOf(control, input.Kind);
        var content = ComplianceService.EvidenceText(input.Content ?? "", control.Id);
        var at = input.At is null ? now
            : DateTimeOffset.TryParse(input.At, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed)
                ? Bounds.Happened(parsed, now, "at", control.Id)
                : throw Invalid($"at \"{input.At}\" is not an ISO 8601 time, e.g. 2026-11-20T10:00:00Z");
        var by = input.By is null ? "api" : people.Find(input.By)?.Id ?? throw Invalid($"by \"{input.By}\" is not in the people directory; name a directory id or leave it out");
        if (input.Reference is { Length: > MaxReference }) throw Invalid($"reference is {input.Reference.Length} characters; keep it to {MaxReference}");
        // A sender's reference is its own namespace: it can never take the key of an item the bot collects (audit-chain/…, INC-4/postmortem).
        return new NewEvidence(control.Id, kind, EvidenceSource.Manual, content, at, by, string.IsNullOrWhiteSpace(input.Reference) ? null : $"api/{input.Reference.Trim()}");
    }

    private static RefusedException Invalid(string reason) => new(RefusalKind.Invalid, reason);
}
