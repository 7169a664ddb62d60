using System.Net.Http.Headers;
using System.Text;
using ExecOps.Tests.Support;
using ExecOps.Workflows.Storage;

namespace ExecOps.Tests.EndToEnd;

/// <summary>kill -9 during an open Sev1, then start again: the incident, its timeline and its reminders are all there.</summary>
public sealed class CrashRestartTests : IDisposable
{
    private readonly TempDatabase database = new();

    public void Dispose() => database.Dispose();

    [Fact]
    public async Task Killing_the_bot_during_a_Sev1_loses_nothing_and_the_overdue_reminder_fires_after_restart()
    {
        var settings = new Dictionary<string, string>
        {
            ["Incidents__UpdateCadence__Sev1"] = "00:00:06",
            ["TimelineEvents__Token"] = "restart-token",
        };
        using (var first = new BotProcess(database.Path, settings))
        {
            await first.StartAsync();
            (await first.Playground.OneAsync("alice", "/incident declare sev1 \"Checkout 5xx\" service:payments")).Text.Should().StartWith("INC-1");
            await first.Playground.OneAsync("alice", "/incident investigate");
            var deploy = new HttpRequestMessage(HttpMethod.Post, "/api/timeline-events")
            {
                Content = new StringContent("""{"kind":"deploy","service":"payments","summary":"payments v2.3.1"}""", Encoding.UTF8, "application/json"),
            };
            deploy.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "restart-token");
            (await first.Http.SendAsync(deploy)).EnsureSuccessStatusCode();

            first.Kill();
        }

        // The bot keeps real time in its own process, so the reminder must fall due while it is down for the restart to find it overdue.
        var due = await PendingUpdateDueAsync();
        await Eventually.Until(() => Task.FromResult(DateTimeOffset.UtcNow), now => now > due, "the update reminder to fall due while the bot is down");

        using var second = new BotProcess(database.Path, settings);
        await second.StartAsync();
        var shown = await second.Playground.OneAsync("lee", "/incident show INC-1");
        CardJson.Facts(shown.Card!).Should().Contain("State: Investigating").And.Contain("Severity: Sev1");
        var timeline = await second.Playground.OneAsync("lee", "/incident timeline INC-1");
        timeline.Text.Should().Contain("Sev1 declared").And.Contain("Declared → Investigating").And.Contain("deploy: payments v2.3.1");

        await Eventually.Until(() => second.Playground.MessagesAsync("alice"),
            m => m.Any(x => x.Text.Contains("INC-1") && x.Text.Contains("owes a status update")), "the overdue reminder after restart");
        var after = await second.Playground.OneAsync("lee", "/incident timeline INC-1");
        after.Text.Split('\n').Count(line => line.Contains("(miss 1)")).Should().Be(1, $"the first miss is recorded once, not once per start\n{second.Output}");
    }

    private async Task<DateTimeOffset> PendingUpdateDueAsync()
    {
        await using var unit = await new Store(database.Open(), TimeProvider.System).BeginAsync();
        var reminder = await unit.Reminders.FindPendingAsync("incident/INC-1/update");
        reminder.Should().NotBeNull("the kill loses no reminder");
        return reminder!.DueAt;
    }
}
