using System.Data.Common;
using ExecOps.Workflows.Compliance;
using ExecOps.Workflows.Notifications;
using ExecOps.Workflows.Storage;

namespace ExecOps.Tests.Workflows.Storage;

/// <summary>The storage contract, row class by row class: what each promises on either database.</summary>
public abstract partial class StorageContract
{
    [Fact]
    public async Task Spend_is_kept_once_per_day_provider_and_tags_and_restated_in_place()
    {
        var store = await OpenAsync();
        var day = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(-1);
        ExecOps.Workflows.Spend.SpendLine Line(decimal amount, string service = "payments") => new(day, "aws", amount, "USD", service, "payments-core", "", "prod", null);

        var first = await store.WriteAsync(u => u.Spend.StoreAsync([Line(100.25m), Line(7m, service: "")]));
        var again = await store.WriteAsync(u => u.Spend.StoreAsync([Line(100.25m), Line(8m, service: "")]));

        first.Should().Be(new ExecOps.Workflows.Scoreboard.IntakeReceipt(Stored: 2, Revised: 0, Unchanged: 0));
        again.Should().Be(new ExecOps.Workflows.Scoreboard.IntakeReceipt(Stored: 0, Revised: 1, Unchanged: 1));
        (await store.ReadAsync(s => s.Spend.BetweenAsync(day, day))).Select(l => (l.Service, l.Amount)).Should().Equal(("", 8m), ("payments", 100.25m));
    }

    [Fact]
    public async Task Spends_daily_totals_move_with_its_lines_when_they_are_stored_and_restated()
    {
        var store = await OpenAsync();
        var day = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(-1);
        ExecOps.Workflows.Spend.SpendLine Line(decimal amount, string provider, string service, string team) => new(day, provider, amount, "USD", service, team, "", "prod", null);

        await store.WriteAsync(u => u.Spend.StoreAsync([Line(100.25m, "aws", "payments", "core"), Line(50m, "aws", "search", "core"), Line(7m, "datadog", "", "")]));
        await store.WriteAsync(u => u.Spend.StoreAsync([Line(90.25m, "aws", "payments", "core"), Line(7m, "datadog", "", ""), Line(3m, "datadog", "", "growth")]));

        (await store.ReadAsync(s => s.Spend.TotalsAsync(day, day))).Select(t => (t.Dimension, t.Name, t.Amount)).Should().Equal(
            ("provider", "aws", 140.25m), ("provider", "datadog", 10m), ("service", "payments", 90.25m), ("service", "search", 50m),
            ("team", "core", 140.25m), ("team", "growth", 3m), ("untagged", "datadog", 7m));
        (await store.ReadAsync(s => s.Spend.TotalsAsync(day, day, "team"))).Select(t => t.Name).Should().Equal("core", "growth");
        (await store.ReadAsync(s => s.Spend.PeriodsAsync(day.AddDays(-1), day, day))).Where(t => t.Dimension == "service").Should().Equal(
            new ExecOps.Workflows.Spend.SpendPeriodTotal("service", "payments", 90.25m, 0), new ExecOps.Workflows.Spend.SpendPeriodTotal("service", "search", 50m, 0));
        (await store.ReadAsync(s => s.Spend.PeriodsAsync(day, day.AddDays(1), day.AddDays(1)))).Where(t => t.Name == "aws").Should().Equal(
            new ExecOps.Workflows.Spend.SpendPeriodTotal("provider", "aws", 0, 140.25m));
    }

    [Fact]
    public async Task Evidence_is_kept_once_per_control_and_reference_and_refuses_edits_and_deletions()
    {
        var store = await OpenAsync();
        var at = clock.GetUtcNow().AddDays(-1);
        NewEvidence Review(string content, string? reference) => new("CTRL-3", "access-review", EvidenceSource.Manual, content, at, "alice", reference);

        var first = await store.WriteAsync(u => u.Evidence.AppendAsync(Review("https://wiki.example.com/q4", "q4")));
        var again = await store.WriteAsync(u => u.Evidence.AppendAsync(Review("https://wiki.example.com/q4-edited", "q4")));
        var other = await store.WriteAsync(u => u.Evidence.AppendAsync(Review("https://wiki.example.com/q3", null)));

        (first.Added, again.Added, other.Added).Should().Be((true, false, true));
        again.Item.Should().Be(first.Item, "a reference already kept answers with the item kept");
        first.Item.Sha256.Should().Be(NewEvidence.Hash("https://wiki.example.com/q4"));
        (await store.ReadAsync(s => s.Evidence.LatestAsync("CTRL-3")))["access-review"].Should().Be(at);
        await using var connection = await store.Database.OpenAsync();
        var edit = () => connection.ExecuteScalarAsync("UPDATE evidence SET content = 'forged'");
        var delete = () => connection.ExecuteScalarAsync("DELETE FROM evidence");
        await edit.Should().ThrowAsync<DbException>().WithMessage("*evidence is append-only*");
        await delete.Should().ThrowAsync<DbException>().WithMessage("*evidence is append-only*");
        (await store.ReadAsync(s => s.Evidence.ListAsync("CTRL-3"))).Select(i => i.Content).Should().Equal("https://wiki.example.com/q4", "https://wiki.example.com/q3");
    }

    [Fact]
    public async Task The_outbox_walks_its_lanes_one_recipient_at_a_time_and_counts_what_waits()
    {
        var store = await OpenAsync();
        await store.WriteAsync(async u =>
        {
            foreach (var (to, text) in new[] { ("bob", "1"), ("alice", "2"), ("bob", "3"), ("#incidents", "4") })
                await u.Outbox.EnqueueAsync(new Notification(Recipient.Person(to), text));
            return true;
        });
        var first = (await store.ReadAsync(s => s.Outbox.DueAsync(10))).First();
        await store.WriteAsync(async u => { await u.Outbox.MarkDeliveredAsync(first.Id); return true; });

        (await store.ReadAsync(s => s.Outbox.DueRecipientsAsync(10))).Select(r => r.Address).Should().BeEquivalentTo(["#incidents", "alice", "bob"]);
        (await store.ReadAsync(s => s.Outbox.DueAsync(10, Recipient.Person("bob")))).Select(m => m.Notification.Text).Should().Equal("3");
        (await store.ReadAsync(s => s.Outbox.CountAsync())).Should().Be(new OutboxCounts(Pending: 3, Failed: 0, Delivered: 1));
    }

    [Fact]
    public async Task Observations_are_kept_once_restated_in_place_and_read_as_of_any_instant()
    {
        var store = await OpenAsync();
        var at = clock.GetUtcNow().AddDays(-2);
        var payments = new ExecOps.Workflows.Scoreboard.Slice(Domain: "payments");
        ExecOps.Workflows.Scoreboard.Observation Reading(decimal value, DateTimeOffset when) => new("uptime", when, value, payments);

        var receipt = await store.WriteAsync(u => u.Observations.StoreAsync([Reading(99.5m, at), Reading(99.9m, at.AddDays(1))]));
        var again = await store.WriteAsync(u => u.Observations.StoreAsync([Reading(99.5m, at), Reading(99.7m, at.AddDays(1))]));

        receipt.Should().Be(new ExecOps.Workflows.Scoreboard.IntakeReceipt(Stored: 2, Revised: 0, Unchanged: 0));
        again.Should().Be(new ExecOps.Workflows.Scoreboard.IntakeReceipt(Stored: 0, Revised: 1, Unchanged: 1));
        var asOf = await store.ReadAsync(s => s.Observations.AsOfAsync(["uptime", "nps"], payments, [at, at.AddHours(1), at.AddDays(2)]));
        asOf["uptime"].Should().Equal(null, 99.5m, 99.7m);
        asOf["nps"].Should().OnlyContain(v => v == null);
        (await store.ReadAsync(s => s.Observations.LatestAsync(["uptime"])))["uptime"].Should().Be(at.AddDays(1));
        (await store.ReadAsync(s => s.Observations.PathsAsync())).Should().Equal(("payments", "", ""));
    }

    [Fact]
    public async Task An_inbox_request_is_taken_in_once_and_claimed_by_one_sweep_until_its_claim_runs_out()
    {
        var store = await OpenAsync();
        (await store.WriteAsync(u => u.Inbox.AcceptAsync("command", "k-1", "{}"))).Should().NotBeNull();
        (await store.WriteAsync(u => u.Inbox.AcceptAsync("command", "k-1", "{}"))).Should().BeNull("a redelivery is a no-op");
        clock.Advance(TimeSpan.FromMinutes(1));

        var claimed = await store.WriteAsync(u => u.Inbox.ClaimPendingAsync(u.Now, 10, "replica-a", u.Now.AddMinutes(2)));
        var meanwhile = await store.WriteAsync(u => u.Inbox.ClaimPendingAsync(u.Now, 10, "replica-b", u.Now.AddMinutes(2)));
        clock.Advance(TimeSpan.FromMinutes(3));
        var afterwards = await store.WriteAsync(u => u.Inbox.ClaimPendingAsync(u.Now, 10, "replica-b", u.Now.AddMinutes(2)));

        claimed.Select(i => i.Key).Should().Equal("k-1");
        meanwhile.Should().BeEmpty("replica a's claim covers it");
        afterwards.Select(i => i.Key).Should().Equal(["k-1"], "a claim whose holder died runs out");
        await store.WriteAsync(async u => { await u.Inbox.MarkProcessedAsync("k-1"); return true; });
        (await store.ReadAsync(s => s.Inbox.BacklogAsync())).Count.Should().Be(0);
    }

    [Fact]
    public async Task A_lease_has_one_holder_until_it_runs_out_or_is_given_up()
    {
        var store = await OpenAsync();
        Task<bool> Hold(string holder) => store.WriteAsync(u => u.Leases.TryHoldAsync("outbox", holder, u.Now.AddSeconds(10)));

        (await Hold("a")).Should().BeTrue();
        (await Hold("b")).Should().BeFalse();
        (await Hold("a")).Should().BeTrue("the holder renews");
        clock.Advance(TimeSpan.FromSeconds(11));
        (await Hold("b")).Should().BeTrue("a lease nobody renewed is free");
        await store.WriteAsync(async u => { await u.Leases.ReleaseAsync("outbox", "b"); return true; });
        (await store.ReadAsync(s => s.Leases.HeldAsync())).Should().BeEmpty();
        (await Hold("a")).Should().BeTrue();
    }

    [Fact]
    public async Task A_request_is_claimed_once_and_answered_once()
    {
        var store = await OpenAsync();
        (await store.WriteAsync(u => u.Requests.TryClaimAsync("slack/1"))).Should().BeTrue();
        (await store.WriteAsync(u => u.Requests.TryClaimAsync("slack/1"))).Should().BeFalse();
        (await store.WriteAsync(u => u.Requests.TryMarkAnsweredAsync("slack/1"))).Should().BeTrue();
        (await store.WriteAsync(u => u.Requests.TryMarkAnsweredAsync("slack/1"))).Should().BeFalse();
        (await store.ReadAsync(s => s.Requests.FindAsync("slack/1"))).Should().Be(ProcessedRequestRows.Answered);
    }

    [Fact]
    public async Task Aggregates_are_found_by_id_in_any_case_listed_by_state_and_by_creation_time()
    {
        var store = await OpenAsync();
        var start = clock.GetUtcNow();
        await store.WriteAsync(u => u.Aggregates.InsertAsync("note", "N-1", "Open", new Note("one")));
        clock.Advance(TimeSpan.FromHours(1));
        await store.WriteAsync(u => u.Aggregates.InsertAsync("note", "N-2", "Closed", new Note("two")));

        (await store.ReadAsync(s => s.Aggregates.FindAsync<Note>("note", "n-1")))!.Body.Text.Should().Be("one");
        (await store.ReadAsync(s => s.Aggregates.ListAsync<Note>("note", ["Closed"]))).Select(n => n.Body.Text).Should().Equal("two");
        (await store.ReadAsync(s => s.Aggregates.ListAsync<Note>("note"))).Select(n => n.Body.Text).Should().Equal("one", "two");
        (await store.ReadAsync(s => s.Aggregates.CreatedAsync<Note>("note", start, start.AddMinutes(30)))).Select(n => n.Body.Text).Should().Equal("one");
    }

    [Fact]
    public async Task Deliveries_are_logged_once_per_message_and_read_back_in_order_for_a_recipient_in_any_case()
    {
        var store = await OpenAsync();
        var at = clock.GetUtcNow();
        await store.WriteAsync(async u =>
        {
            await u.Deliveries.RecordAsync(new DeliveredMessage("ob-2", "alice", at, "second", null));
            await u.Deliveries.RecordAsync(new DeliveredMessage("ob-1", "alice", at, "first", null));
            await u.Deliveries.RecordAsync(new DeliveredMessage("ob-2", "alice", at, "second, edited", "{}"));
            return true;
        });

        (await store.WriteAsync(u => u.Deliveries.ForAsync("ALICE"))).Select(m => m.Text).Should().Equal("second, edited", "first");
        (await store.WriteAsync(u => u.Deliveries.ForAsync("alice", limit: 1))).Select(m => m.Text).Should().Equal("first");
    }

    [Fact]
    public async Task Expired_rows_go_and_anonymous_refusals_are_counted_not_logged()
    {
        var store = await OpenAsync();
        await store.WriteAsync(async u =>
        {
            await u.Inbox.KeepHandledAsync("command", "old", "{}");
            await u.Audit.RefuseAsync(null, "scoreboard.open", "scoreboard", "no pass");
            await u.Audit.RefuseAsync(null, "scoreboard.open", "scoreboard", "no pass");
            return true;
        });
        clock.Advance(TimeSpan.FromDays(8));

        var deleted = await store.WriteAsync(u => new ExpiredRows(u).DeleteAsync(u.Now.AddDays(-7), u.Now.AddDays(-30), batch: 100));

        deleted.Should().Be(1);
        (await store.ReadAsync(s => s.Inbox.ExistsAsync("old"))).Should().BeFalse();
        (await store.WriteAsync(u => u.Audit.AnonymousAsync())).Should().ContainSingle().Which.Count.Should().Be(2);
        (await store.WriteAsync(u => u.Audit.ListAsync())).Should().BeEmpty();
    }

    [Fact]
    public async Task The_key_ring_keeps_each_key_once()
    {
        var store = await OpenAsync();
        await store.WriteAsync(async u => { await u.KeyRing.AddAsync("key-1", "<key id=\"1\"/>"); await u.KeyRing.AddAsync("key-1", "<key id=\"1\"/>"); return true; });

        (await store.ReadAsync(s => s.KeyRing.AllAsync())).Should().Equal("<key id=\"1\"/>");
    }
}
