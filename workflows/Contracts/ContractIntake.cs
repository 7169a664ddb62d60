using System.Globalization;
using ExecOps.Workflows.Compliance;
using ExecOps.Workflows.Kpis;
using ExecOps.Workflows.People;
using ExecOps.Workflows.Scoreboard;

namespace ExecOps.Workflows.Contracts;

/// <summary>One promise as a file or a pipeline sent it; <see cref="Row"/> is where it was, for naming a bad one.</summary>
public sealed record PromiseInput(int Row, string? Kind, string? Value, string? EnforcedBy, string? GapOwner, string? GapDue);

/// <summary>One contract as sent, before it is checked; <see cref="Unreadable"/> says why a row could not even be read.</summary>
public sealed record ContractInput(int Row, string? Reference, string? Customer, string? Tier, string? Start, string? End, string? NoticeDays, string? Penalty,
    string? Owner, IReadOnlyList<string> Services, IReadOnlyList<PromiseInput> Promises, string? Unreadable = null);

/// <summary>
/// Checks an import of contracts: each names its customer, term, notice period and owner, and every promise is mapped
/// to what enforces it (a KPI of the catalog, a control of the catalog, a setting the bot has) or declared a gap with an
/// owner and a due date. No unscoped commitments: a promise with neither is refused, and one bad row refuses the batch.
/// </summary>
public sealed class ContractIntake(KpiCatalog kpis, ControlCatalog controls, PeopleDirectory people, Func<string, bool> settingExists)
{
    public const int MaxBatch = 500;
    private const int MaxText = 200;

    public (IReadOnlyList<ContractTerms> Terms, IReadOnlyList<RejectedRow> Rejected) Check(IReadOnlyList<ContractInput?> batch, DateTimeOffset now)
    {
        if (batch.Count == 0) throw new RefusedException(RefusalKind.Invalid, "The import is empty; send at least one contract.");
        if (batch.Count > MaxBatch) throw new RefusedException(RefusalKind.TooLarge, $"The import has {batch.Count} contracts; the limit is {MaxBatch}. Split it; nothing was stored.");
        var terms = new List<ContractTerms>();
        var rejected = new List<RejectedRow>();
        for (var i = 0; i < batch.Count; i++)
        {
            var reasons = new List<(int Row, string Reason)>();
            var checkedTerms = Check(batch[i], i, DateOnly.FromDateTime(now.UtcDateTime), reasons);
            if (reasons.Count > 0) rejected.AddRange(reasons.Select(r => new RejectedRow(r.Row, r.Reason)));
            else terms.Add(checkedTerms!);
        }
        foreach (var twice in terms.GroupBy(t => t.Reference, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
            rejected.Add(new RejectedRow(batch.Count - 1, $"the contract {twice.Key} is in the import twice; send it once"));
        return (terms, rejected);
    }

    private ContractTerms? Check(ContractInput? input, int index, DateOnly today, List<(int, string)> reasons)
    {
        if (input is null)
        {
            reasons.Add((index, "the contract is empty"));
            return null;
        }
        void Fault(string reason, int? row = null) => reasons.Add((row ?? input.Row, reason));
        if (input.Unreadable is { } unreadable)
        {
            Fault(unreadable);
            return null;
        }
        var reference = Required(input.Reference, "reference (the contract's own number, e.g. MSA-2026-014)", Fault);
        var customer = Required(input.Customer, "customer", Fault);
        var tier = Required(input.Tier, "tier", Fault)?.ToLowerInvariant();
        var start = Date(input.Start, "start", Fault);
        var end = Date(input.End, "end", Fault);
        if (start is { } s && end is { } e && e <= s) Fault($"end {e:yyyy-MM-dd} is not after start {s:yyyy-MM-dd}");
        if (end is { } ending && ending < today) Fault($"end {ending:yyyy-MM-dd} has passed; import contracts in force");
        var notice = int.TryParse(input.NoticeDays, NumberStyles.None, CultureInfo.InvariantCulture, out var days) && days is >= 0 and <= 3650 ? days : (int?)null;
        if (notice is null) Fault($"notice_days {(input.NoticeDays is null ? "is missing" : $"\"{input.NoticeDays}\" is not a whole number of days from 0 to 3650")}");
        var owner = input.Owner is null ? null : people.Find(input.Owner)?.Id;
        if (owner is null) Fault(input.Owner is null ? "owner is missing; name the person who owns the account" : $"owner \"{input.Owner}\" is not in the people directory");
        var services = input.Services.Select(x => x.Trim().ToLowerInvariant()).Where(x => x.Length > 0).Distinct().ToList();
        if (services.Count == 0) Fault("services is missing: name the services the customer depends on, e.g. payments;search");
        if (input.Penalty is { Length: > MaxText }) Fault($"penalty is {input.Penalty.Length} characters; keep it to {MaxText}");
        if (input.Promises.Count == 0) Fault("the contract has no promises; give each with its kind, value and what enforces it");
        var promises = input.Promises.Select((p, n) => Promise(p, n + 1, today, Fault)).OfType<Promise>().ToList();
        if (reasons.Count > 0) return null;
        return new ContractTerms(reference!, customer!, tier!, start!.Value, end!.Value, notice!.Value, input.Penalty?.Trim(), owner!, services, promises);
    }

    private Promise? Promise(PromiseInput input, int number, DateOnly today, Action<string, int?> fault)
    {
        var faults = new List<string>();
        void Fault(string reason) => faults.Add(reason);
        PromiseKind? kind = Enum.TryParse<PromiseKind>(input.Kind?.Replace("-", "").Replace("_", ""), ignoreCase: true, out var k) && !int.TryParse(input.Kind, out _) ? k : null;
        if (kind is null) Fault($"promise kind {(input.Kind is null ? "is missing" : $"\"{input.Kind}\"")}: it must be one of uptime, support-response, retention, residency, incident-notification");
        var value = kind is { } known ? Value(known, input.Value, Fault) : null;
        var (enforcement, reference) = input.EnforcedBy is { Length: > 0 } by ? Enforcement(by, Fault) : (EnforcementKind.Gap, null);
        string? gapOwner = null;
        DateOnly? gapDue = null;
        if (input.EnforcedBy is not { Length: > 0 })
        {
            if (input.GapOwner is null && input.GapDue is null)
                Fault("nothing enforces it: map it with enforced_by kpi:<id>, control:CTRL-n or setting:<Section:Key>, or declare a gap with gap_owner and gap_due; no unscoped commitments");
            else
            {
                gapOwner = input.GapOwner is null ? null : people.Find(input.GapOwner)?.Id;
                if (gapOwner is null) Fault(input.GapOwner is null ? "a gap needs gap_owner" : $"gap_owner \"{input.GapOwner}\" is not in the people directory");
                gapDue = DateOnly.TryParseExact(input.GapDue, "yyyy-MM-dd", out var due) ? due : null;
                if (gapDue is null) Fault("a gap needs gap_due, a date written yyyy-MM-dd");
                else if (gapDue < today || gapDue > today.AddYears(Bounds.YearsAhead)) Fault($"gap_due {gapDue:yyyy-MM-dd} must be from {today:yyyy-MM-dd} to {today.AddYears(Bounds.YearsAhead):yyyy-MM-dd}");
            }
        }
        else if (input.GapOwner is not null || input.GapDue is not null) Fault("a promise is either enforced (enforced_by) or a gap (gap_owner, gap_due), not both");
        foreach (var reason in faults) fault($"promise {number} ({input.Kind ?? "?"}): {reason}", input.Row);
        return faults.Count > 0 ? null : new Promise(number, kind!.Value, value!, enforcement, reference, gapOwner, gapDue);
    }

    private static string? Value(PromiseKind kind, string? text, Action<string> fault)
    {
        var raw = kind == PromiseKind.Residency ? text?.Trim() ?? "" : text?.Trim().TrimEnd('%', 'h', 'd').Trim() ?? "";
        bool Number(out decimal n) => decimal.TryParse(raw, NumberStyles.Number, CultureInfo.InvariantCulture, out n);
        switch (kind)
        {
            case PromiseKind.Uptime when Number(out var percent) && percent is > 0 and <= 100: return percent.ToString(CultureInfo.InvariantCulture);
            case PromiseKind.Uptime: fault($"uptime \"{text}\" must be a percentage above 0 and at most 100, e.g. 99.9"); return null;
            case PromiseKind.Residency when raw.Length is > 0 and <= 40: return raw.ToLowerInvariant();
            case PromiseKind.Residency: fault("residency needs the region the data stays in, e.g. eu"); return null;
            default:
                if (int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var whole) && whole is > 0 and <= 10_000) return whole.ToString(CultureInfo.InvariantCulture);
                fault($"{Words(kind)} \"{text}\" must be a whole number of {(kind == PromiseKind.Retention ? "days" : "hours")} above 0");
                return null;
        }
    }

    private (EnforcementKind, string?) Enforcement(string text, Action<string> fault)
    {
        var colon = text.IndexOf(':');
        var (kind, reference) = colon > 0 ? (text[..colon].Trim().ToLowerInvariant(), text[(colon + 1)..].Trim()) : ("", text);
        switch (kind)
        {
            case "kpi" when kpis.Find(reference) is { } kpi: return (EnforcementKind.Kpi, kpi.Id);
            case "kpi": fault($"enforced_by {text}: there is no KPI \"{reference}\" in the catalog"); break;
            case "control" when controls.Find(reference) is { } control: return (EnforcementKind.Control, control.Id);
            case "control": fault($"enforced_by {text}: there is no control \"{reference}\" in the catalog"); break;
            case "setting" when reference.Length > 0 && settingExists(reference): return (EnforcementKind.Setting, reference);
            case "setting": fault($"enforced_by {text}: the bot has no setting \"{reference}\""); break;
            default: fault($"enforced_by \"{text}\" must be kpi:<id>, control:CTRL-n or setting:<Section:Key>"); break;
        }
        return (EnforcementKind.Gap, null);
    }

    private static string? Required(string? text, string field, Action<string, int?> fault)
    {
        if (string.IsNullOrWhiteSpace(text)) fault($"{field} is missing", null);
        else if (text.Trim().Length > MaxText) fault($"{field.Split(' ')[0]} is {text.Trim().Length} characters; keep it to {MaxText}", null);
        else return text.Trim();
        return null;
    }

    private static DateOnly? Date(string? text, string field, Action<string, int?> fault)
    {
        if (DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", out var date) && date >= Bounds.HistoryStarts && date.Year < 2100) return date;
        fault($"{field} {(text is null ? "is missing" : $"\"{text}\" is not a date written yyyy-MM-dd")}", null);
        return null;
    }

    private static string Words(PromiseKind kind) => Catalogs.CatalogFields.Words(kind);
}
