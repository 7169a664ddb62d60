using ExecOps.Tests.Support;
using ExecOps.Workflows.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace ExecOps.Tests.Bot.Storage;

/// <summary>The nightly clean-up on the test clock: handled requests go after a week, delivered messages and their marks after 30 days; nothing else goes.</summary>
public sealed class RetentionTests : BotTest
{
    private async Task<long> CountAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={Database.Path};Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private async Task NightlyRunAsync(TimeSpan later)
    {
        var fired = Bot.Clock.GetUtcNow() + later;
        Bot.Clock.Advance(later);
        await Eventually.Until(() => Bot.PendingAsync(Housekeeping.Key), r => r is not null && r.DueAt > fired, "the clean-up to run and set the next night's");
    }

    [Fact]
    public async Task Handled_requests_go_after_a_week_and_delivered_messages_after_30_days()
    {
        await Playground.OneAsync("alice", "/decision new \"Wave 4\" verdict:expand owner:@bob approver:@dana budget:$1k");
        await using (var unit = await Bot.Services.GetRequiredService<Store>().BeginAsync())
        {
            await unit.Inbox.AcceptAsync("slack.command", "command/retention-test", "{}");
            await unit.Inbox.MarkProcessedAsync("command/retention-test");
            await unit.Requests.RememberAsync("task/keep-forever", "TASK-1");
            // The note that one platform has a message, which only a message for several platforms needs.
            await unit.Requests.RememberAsync("delivered/slack/ob-1", "delivered");
            await unit.CommitAsync();
        }
        await Eventually.Until(() => CountAsync("SELECT COUNT(*) FROM outbox WHERE delivered_at IS NULL"), n => n == 0, "the approver's message to be delivered");
        var firstMessage = await CountAsync("SELECT MIN(id) FROM outbox");
        (await CountAsync("SELECT COUNT(*) FROM processed_requests WHERE key LIKE 'delivered/%'")).Should().BePositive();
        (await CountAsync("SELECT COUNT(*) FROM deliveries")).Should().BePositive();
        await Bot.ArmedAsync(Housekeeping.Key);

        await NightlyRunAsync(TimeSpan.FromDays(8));
        (await CountAsync("SELECT COUNT(*) FROM inbox WHERE key = 'command/retention-test'")).Should().Be(0, "a week after it was handled");
        (await CountAsync($"SELECT COUNT(*) FROM outbox WHERE id = {firstMessage}")).Should().Be(1, "a delivered message stays 30 days");

        await NightlyRunAsync(TimeSpan.FromDays(23));
        (await CountAsync($"SELECT COUNT(*) FROM outbox WHERE id = {firstMessage}")).Should().Be(0);
        (await CountAsync("SELECT COUNT(*) FROM deliveries WHERE at < '2026-11-03'")).Should().Be(0);
        (await CountAsync("SELECT COUNT(*) FROM processed_requests WHERE key LIKE 'delivered/%' AND at < '2026-11-03'")).Should().Be(0);
        (await CountAsync("SELECT COUNT(*) FROM processed_requests WHERE key = 'task/keep-forever'")).Should().Be(1, "a workflow's own once-only marks are kept");
        (await Playground.OneAsync("dana", "/decision show DEC-2026-11-02-01")).Text.Should().Contain("Wave 4", "records are never part of the clean-up");
    }
}
