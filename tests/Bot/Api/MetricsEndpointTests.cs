using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using ExecOps.Tests.Support;
using ExecOps.Workflows.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace ExecOps.Tests.Bot.Api;

/// <summary>`/metrics` in Prometheus text format: while Slack is down the outbox backlog shows up, and once it is back, the delivery latency per platform.</summary>
public sealed partial class MetricsEndpointTests : SlackBotTest
{
    protected override Dictionary<string, string?> Settings() => new() { ["Telemetry:Enabled"] = "true" };

    private async Task<string> ScrapeAsync()
    {
        var response = await Bot.CreateClient().GetAsync("/metrics");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/plain");
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The sample of <paramref name="series"/> (a name, or a name and the start of its labels); null until it is exported.</summary>
    private static double? Value(string scrape, string series)
    {
        var line = scrape.Split('\n').FirstOrDefault(l => l.StartsWith(series, StringComparison.Ordinal) && (l.Length == series.Length || l[series.Length] is ' ' or '{' or ',' or '}'));
        return line is null ? null : double.Parse(line.Split(' ')[^1].Trim(), CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task An_outbox_backlog_shows_while_Slack_is_down_and_delivery_latency_per_platform_once_it_is_back()
    {
        Slack.Outage(500);
        await Requests.CommandAsync("U01ALICE01", "/incident", "declare sev2 \"Checkout latency\"", Slack.ResponseUrl("declare"));
        // Observable instruments are exported from the first collection after they exist, so the first scrapes may not have them yet.
        await Eventually.Until(async () => Value(await ScrapeAsync(), "execops_outbox_pending"), pending => pending > 0, "the backlog to show");

        var scrape = await Eventually.Until(ScrapeAsync, text => Value(text, "execops_store_units_total") is not null && RouteSeries().IsMatch(text), "every series to be exported");
        Value(scrape, "execops_store_units_total").Should().BeGreaterThan(0);
        Value(scrape, "execops_reminders_pending").Should().BeGreaterThan(0);
        Value(scrape, "execops_inbox_backlog").Should().BeGreaterThanOrEqualTo(0);
        RouteSeries().IsMatch(scrape).Should().BeTrue("requests are counted per route:\n" + scrape);
        Value(scrape, "execops_replica_leases{otel_scope_name=\"ExecOps.Bot\",lease=\"outbox\"").Should().Be(1, "a bot on its own SQLite file is the one delivering");

        Slack.Recover();
        // An attempt already under way when Slack came back schedules its retry from the moved clock, so move it until nothing waits.
        var store = Bot.Services.GetRequiredService<Store>();
        await Eventually.Until(async () =>
        {
            Bot.Clock.Advance(TimeSpan.FromMinutes(5));
            await Bot.Dispatcher.DispatchDueAsync();
            return await store.WriteAsync(async u => (await u.Outbox.CountAsync()).Pending);
        }, pending => pending == 0, "the outbox to drain once Slack is back");
        await Eventually.Until(async () => Value(await ScrapeAsync(), "execops_outbox_pending"), pending => pending == 0, "the backlog to drain");
        await Eventually.Until(async () => Value(await ScrapeAsync(), "execops_outbox_delivery_latency_seconds_count{otel_scope_name=\"ExecOps.Bot\",platform=\"slack\""),
            delivered => delivered > 0, "Slack's deliveries to be timed");
    }

    [GeneratedRegex(@"execops_http_request_duration_seconds_count\{[^}]*route=""/api/slack/commands""")]
    private static partial Regex RouteSeries();
}

/// <summary>Off unless asked for.</summary>
public sealed class MetricsEndpointOffTests : BotTest
{
    [Fact]
    public async Task Without_Telemetry_Enabled_there_is_no_metrics_endpoint() =>
        (await Bot.CreateClient().GetAsync("/metrics")).StatusCode.Should().Be(HttpStatusCode.NotFound);
}

