using ExecOps.Workflows.Storage;

namespace ExecOps.Workflows.Tasks;

/// <summary>
/// The month's trust ledger (seed §6, §12): the improvements shipped, that is every hardening and deletion task done in the
/// month, a postmortem's prevention items among them, with who shipped each and its evidence where one was given.
/// </summary>
public sealed record TrustLedger(DateOnly Month, IReadOnlyList<FollowUp> Shipped)
{
    public int Hardening => Shipped.Count(t => t.Shipment == Shipment.Hardening);
    public int Deletions => Shipped.Count(t => t.Shipment == Shipment.Deletion);

    public static async Task<TrustLedger> OfAsync(AggregateRows aggregates, DateOnly month)
    {
        var from = new DateTimeOffset(month.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var to = from.AddMonths(1);
        var done = (await aggregates.ListAsync<FollowUp>(FollowUp.Kind, [nameof(FollowUpState.Done)])).Select(s => s.Body)
            .Where(t => t.Shipment is not null && t.DoneAt >= from && t.DoneAt < to).OrderBy(t => t.DoneAt).ToList();
        return new TrustLedger(month, done);
    }

    /// <summary>One line per improvement, for the channel post, the `/tasks ledger` card and the board packet.</summary>
    public IEnumerable<string> Lines(Func<string, string> name) => Shipped.Select(t =>
        $"{t.DoneAt:yyyy-MM-dd} · {(t.Shipment == Shipment.Deletion ? "deletion" : "hardening")} · {t.Text} · {name(t.Owner)}" + (t.About is { Length: > 0 } about && about != "shipped" ? $" ({about})" : "") + (t.Evidence is { } e ? $" · {e}" : ""));
}
