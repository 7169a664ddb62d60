using ExecOps.Tests.Support;
using ExecOps.Workflows.Notifications;
using ExecOps.Workflows.Reminders;
using ExecOps.Workflows.Storage;
using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace ExecOps.Tests.Workflows.Storage;

/// <summary>The storage contract on the embedded SQLite file.</summary>
public sealed class SqliteStorageTests() : StorageContract(TempDatabase.Sqlite)
{
    protected override string DropAuditUpdateTrigger => "DROP TRIGGER audit_no_update";

    protected override string MarkNewer(int version) => $"PRAGMA user_version = {version}";

    [Fact]
    public async Task Migrations_run_once_and_put_the_file_in_WAL_mode()
    {
        var database = await temp.MigratedAsync();
        (await Migrations.ApplyAsync(database)).Should().Be(Migrations.Latest);

        await using var connection = await database.OpenAsync();
        (await connection.ExecuteScalarAsync("PRAGMA journal_mode")).Should().Be("wal");
        (await database.CurrentVersionAsync()).Should().Be(Migrations.Latest);
    }
}

/// <summary>The same contract on PostgreSQL, on the test run's own throwaway cluster.</summary>
public sealed class PostgresStorageTests() : StorageContract(TempDatabase.Postgres)
{
    protected override string DropAuditUpdateTrigger => "DROP TRIGGER audit_no_update ON audit";

    protected override string MarkNewer(int version) => $"INSERT INTO schema_migrations (version, name, applied_at) VALUES ({version}, 'from a newer build', '')";

    [Fact]
    public async Task Replicas_migrating_at_once_apply_each_step_once()
    {
        var replicas = Enumerable.Range(0, 3).Select(_ => temp.Open()).ToList();

        var versions = await Task.WhenAll(replicas.Select(r => Migrations.ApplyAsync(r)));

        versions.Should().AllSatisfy(v => v.Should().Be(Migrations.Latest));
        await using var connection = await replicas[0].OpenAsync();
        (await connection.ExecuteScalarAsync("SELECT count(*) FROM schema_migrations")).Should().Be((long)Migrations.Latest);
    }
}

/// <summary>
/// What the rows promise, whichever database keeps them: a unit of work commits whole or not at all,
/// concurrent writers never both win, the timeline and audit log are append-only, numbering has no gaps.
/// </summary>
public abstract partial class StorageContract(string provider) : IDisposable
{
    protected readonly TempDatabase temp = new(provider);
    private readonly ManualClock clock = new();

    protected abstract string DropAuditUpdateTrigger { get; }

    protected abstract string MarkNewer(int version);

    public void Dispose()
    {
        temp.Dispose();
        GC.SuppressFinalize(this);
    }

    private sealed record Note(string Text);

    private async Task<Store> OpenAsync() => new(await temp.MigratedAsync(), clock);

    [Fact]
    public async Task A_committed_change_is_there_after_the_store_is_opened_again()
    {
        var first = await OpenAsync();
        await first.WriteAsync(async u =>
        {
            await u.Aggregates.InsertAsync("note", "N-1", "Open", new Note("kept"));
            await u.Timeline.AppendAsync("N-1", "alice", "created", "first");
            await u.Outbox.EnqueueAsync(new Notification(Recipient.Person("bob"), "hello"));
            await u.Reminders.ScheduleAsync(new Reminder("note/N-1", "note.due", "N-1", clock.GetUtcNow().AddHours(1)));
            return true;
        });
        SqliteConnection.ClearAllPools();

        var again = await OpenAsync();
        await using var unit = await again.BeginAsync();
        (await unit.Aggregates.FindAsync<Note>("note", "N-1")).Should().Be(new Stored<Note>(new Note("kept"), 1));
        (await unit.Timeline.ListAsync("N-1")).Should().ContainSingle().Which.Text.Should().Be("first");
        (await unit.Outbox.DueAsync(10)).Should().ContainSingle().Which.Notification.Text.Should().Be("hello");
        (await unit.Reminders.PendingAsync()).Should().ContainSingle().Which.Key.Should().Be("note/N-1");
    }

    [Fact]
    public async Task A_change_that_is_not_committed_leaves_no_trace()
    {
        var store = await OpenAsync();
        await using (var unit = await store.BeginAsync())
        {
            await unit.Aggregates.InsertAsync("note", "N-1", "Open", new Note("lost"));
            await unit.Outbox.EnqueueAsync(new Notification(Recipient.Person("bob"), "never sent"));
        }

        await using var check = await store.BeginAsync();
        (await check.Aggregates.FindAsync<Note>("note", "N-1")).Should().BeNull();
        (await check.Outbox.DueAsync(10)).Should().BeEmpty();
    }

    [Fact]
    public async Task A_concurrent_update_is_refused_and_does_not_overwrite()
    {
        var store = await OpenAsync();
        await store.WriteAsync(u => u.Aggregates.InsertAsync("note", "N-1", "Open", new Note("v1")));

        await store.WriteAsync(u => u.Aggregates.UpdateAsync("note", "N-1", "Open", new Note("first writer"), expectedVersion: 1));
        var second = () => store.WriteAsync(u => u.Aggregates.UpdateAsync("note", "N-1", "Open", new Note("second writer"), expectedVersion: 1));

        (await second.Should().ThrowAsync<ConcurrencyConflictException>()).Which.Message.Should().Contain("N-1").And.Contain("Nothing was overwritten");
        await using var unit = await store.BeginAsync();
        (await unit.Aggregates.FindAsync<Note>("note", "N-1")).Should().Be(new Stored<Note>(new Note("first writer"), 2));
    }

    [Fact]
    public async Task Two_writers_racing_on_separate_connections_never_both_win()
    {
        var store = await OpenAsync();
        await store.WriteAsync(u => u.Aggregates.InsertAsync("note", "N-1", "Open", new Note("v1")));

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(async i =>
        {
            try { await store.WriteAsync(u => u.Aggregates.UpdateAsync("note", "N-1", "Open", new Note($"writer {i}"), 1)); return true; }
            catch (ConcurrencyConflictException) { return false; }
        }));

        outcomes.Count(won => won).Should().Be(1);
    }

    [Fact]
    public async Task Writers_queued_together_share_one_commit_and_each_hears_back_only_once_its_row_is_on_disk()
    {
        // No age limit here, so a slow test machine cannot split the group: only "nobody queued" ends it.
        var store = new Store(await temp.MigratedAsync(), clock, maxGroupWait: TimeSpan.FromMinutes(1));
        Task<long>[] writers;
        await using (var first = await store.BeginAsync())
        {
            writers = Enumerable.Range(1, 40).Select(async i =>
            {
                await store.WriteAsync(u => u.Aggregates.InsertAsync("note", $"N-{i}", "Open", new Note($"writer {i}")));
                // A connection of its own sees only what is committed.
                await using var outside = await store.Database.OpenAsync();
                return (long)(await outside.ExecuteScalarAsync($"SELECT count(*) FROM aggregates WHERE id = 'N-{i}'"))!;
            }).ToArray();
            await first.CommitAsync();
        }

        (await Task.WhenAll(writers)).Should().AllSatisfy(seen => seen.Should().Be(1));
        var (commits, units) = store.Committed;
        units.Should().Be(41);
        commits.Should().Be(1, "forty writers queued behind one open unit join its group and go out with it");
    }

    [Fact]
    public async Task A_writer_that_fails_inside_a_group_undoes_only_its_own_work()
    {
        var store = await OpenAsync();
        Task<long> Insert(string id) => store.WriteAsync(u => u.Aggregates.InsertAsync("note", id, "Open", new Note(id)));
        Task before, failing, after;
        await using (var first = await store.BeginAsync())
        {
            before = Insert("N-1");
            failing = store.WriteAsync<bool>(async u =>
            {
                await u.Aggregates.InsertAsync("note", "N-2", "Open", new Note("half done"));
                throw new InvalidOperationException("the workflow gave up");
            });
            after = Insert("N-3");
            await first.CommitAsync();
        }

        await before;
        await after;
        await failing.Invoking(t => t).Should().ThrowAsync<InvalidOperationException>();
        await using var check = await store.BeginAsync();
        (await check.Aggregates.FindAsync<Note>("note", "N-1")).Should().NotBeNull();
        (await check.Aggregates.FindAsync<Note>("note", "N-2")).Should().BeNull();
        (await check.Aggregates.FindAsync<Note>("note", "N-3")).Should().NotBeNull();
        store.Committed.Units.Should().Be(3);
    }

    [Fact]
    public async Task The_timeline_refuses_edits_and_deletions()
    {
        var store = await OpenAsync();
        await store.WriteAsync(async u => { await u.Timeline.AppendAsync("N-1", "alice", "created", "first"); return true; });

        await using var connection = await store.Database.OpenAsync();
        var edit = () => connection.ExecuteScalarAsync("UPDATE timeline SET text = 'rewritten'");
        var delete = () => connection.ExecuteScalarAsync("DELETE FROM timeline");

        await edit.Should().ThrowAsync<DbException>().WithMessage("*append-only*");
        await delete.Should().ThrowAsync<DbException>().WithMessage("*append-only*");
    }

    [Fact]
    public async Task The_audit_chain_verifies_and_names_the_first_row_tampered_with()
    {
        var store = await OpenAsync();
        await store.WriteAsync(async u =>
        {
            await u.Audit.AppendAsync("alice", "incident.resolve", "INC-1", AuditRows.Allowed, "");
            await u.Audit.AppendAsync("bob", "incident.resolve", "INC-1", AuditRows.Refused, "not the IC");
            await u.Audit.AppendAsync("alice", "incident.close", "INC-1", AuditRows.Allowed, "");
            return true;
        });
        (await store.WriteAsync(u => u.Audit.VerifyAsync())).Should().BeNull();

        await using (var connection = await store.Database.OpenAsync())
        {
            await connection.ExecuteScalarAsync(DropAuditUpdateTrigger);
            await connection.ExecuteScalarAsync("UPDATE audit SET outcome = 'allowed' WHERE seq = 2");
        }

        (await store.WriteAsync(u => u.Audit.VerifyAsync())).Should().Be(2);
    }

    [Fact]
    public async Task Counters_number_without_gaps_and_roll_back_with_their_transaction()
    {
        var store = await OpenAsync();
        (await store.WriteAsync(u => u.Counters.NextAsync("incident"))).Should().Be(1);
        await using (var abandoned = await store.BeginAsync()) await abandoned.Counters.NextAsync("incident");

        (await store.WriteAsync(u => u.Counters.NextAsync("incident"))).Should().Be(2);
    }

    [Fact]
    public async Task A_database_from_a_newer_build_is_refused_with_a_clear_message()
    {
        var database = await temp.MigratedAsync();
        await using (var connection = await database.OpenAsync())
            await connection.ExecuteScalarAsync(MarkNewer(Migrations.Latest + 1));

        var migrate = () => Migrations.ApplyAsync(database);

        await migrate.Should().ThrowAsync<InvalidOperationException>().WithMessage("*newer than this build*");
    }

    [Fact]
    public async Task Rescheduling_a_reminder_under_the_same_key_keeps_one_pending_at_the_new_time()
    {
        var store = await OpenAsync();
        var due = clock.GetUtcNow();
        await store.WriteAsync(async u => { await u.Reminders.ScheduleAsync(new Reminder("k", "kind", "S-1", due.AddMinutes(30))); return true; });
        await store.WriteAsync(u => u.Reminders.TryMarkFiredAsync(new Reminder("k", "kind", "S-1", due.AddMinutes(30))));
        await store.WriteAsync(async u => { await u.Reminders.ScheduleAsync(new Reminder("k", "kind", "S-1", due.AddMinutes(60))); return true; });

        await using var unit = await store.BeginAsync();
        (await unit.Reminders.PendingAsync()).Should().ContainSingle().Which.DueAt.Should().Be(due.AddMinutes(60));
    }

    [Fact]
    public async Task Aggregates_store_enums_by_name_so_reordering_an_enum_cannot_corrupt_them()
    {
        var store = await OpenAsync();
        var incident = new ExecOps.Workflows.Incidents.IncidentData { Id = "INC-1", Severity = ExecOps.Workflows.Incidents.Severity.Sev2, State = ExecOps.Workflows.Incidents.IncidentState.Mitigated };
        await store.WriteAsync(u => u.Aggregates.InsertAsync("incident", "INC-1", "Mitigated", incident));

        await using var connection = await store.Database.OpenAsync();
        var body = (string)(await connection.ExecuteScalarAsync("SELECT body FROM aggregates WHERE id = 'INC-1'"))!;

        body.Should().Contain("\"state\":\"Mitigated\"").And.Contain("\"severity\":\"Sev2\"");
    }
}
