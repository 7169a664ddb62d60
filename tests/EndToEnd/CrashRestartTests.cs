using System.Net.Http.Headers;
using System.Text;
using ExecOps.Tests.Support;

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

        await Task.Delay(TimeSpan.FromSeconds(8));

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
}
