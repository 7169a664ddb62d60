using System.Text.Json.Nodes;
using ExecOps.Tests.Support;

namespace ExecOps.Tests.Bot.Reports;

/// <summary>
/// One known month for the readout and board packet tests, on the test clock (Monday 2026-11-02):
/// three KPIs with history, a Sev1 resolved in 2 h and a Sev2 in 1 h, two risks (one with a
/// mitigation, one asking for acceptance), an approved decision with milestones and a proposed one
/// assessed on all five dimensions. Ends at 11:00 UTC.
/// </summary>
public static class ReportDataSet
{
    public const string Approved = "DEC-2026-11-02-01";
    public const string Proposed = "DEC-2026-11-02-02";

    public static async Task SeedAsync(BotFactory bot, PlaygroundClient playground)
    {
        await Observations.StoreAsync(playground.Http,
            new { kpi = "uptime", at = "2026-08-01T00:00:00Z", value = 99.92 },
            new { kpi = "uptime", at = "2026-10-20T12:00:00Z", value = 99.95 },
            new { kpi = "uptime", at = "2026-11-02T08:00:00Z", value = 99.3 },
            new { kpi = "new-arr", at = "2026-10-20T12:00:00Z", value = 240000 },
            new { kpi = "new-arr", at = "2026-11-02T08:00:00Z", value = 260000 },
            new { kpi = "cloud-unit-cost", at = "2026-08-01T00:00:00Z", value = 44 },
            new { kpi = "cloud-unit-cost", at = "2026-10-20T12:00:00Z", value = 40 },
            new { kpi = "cloud-unit-cost", at = "2026-11-02T08:00:00Z", value = 37 });

        await playground.OneAsync("alice", "/incident declare sev1 \"Checkout 5xx\" service:payments impact:\"EU card payments failed\"");
        await playground.OneAsync("sam", "/incident declare sev2 \"Search slow\" service:search");
        bot.Clock.Advance(TimeSpan.FromHours(1));
        await playground.OneAsync("sam", "/incident resolve INC-2");
        bot.Clock.Advance(TimeSpan.FromHours(1));
        await playground.OneAsync("alice", "/incident resolve INC-1");

        await playground.OneAsync("alice", "/risk add \"Checkout outage\" category:reliability p:30% impact:$2M owner:alice sponsor:dana");
        await playground.OneAsync("alice", "/risk mitigate RISK-1 \"Second card processor\" owner:alice due:2026-11-30");
        await playground.OneAsync("bob", "/risk add \"Vendor lock-in\" category:vendor p:10% impact:$100k owner:bob sponsor:dana");
        await playground.OneAsync("bob", "/risk accept RISK-2 until:2026-12-31 reason:\"Contract renews in Q1\"");

        var approved = await playground.OneAsync("alice", "/decision new \"Ops Copilot Wave 3 (EU)\" verdict:expand owner:@bob approver:@dana budget:$300k "
            + "evidence:\"wk08/adoption/study_plan.md#results\" milestones:\"wave3_launch=2026-11-20, eu_privacy_update=2026-12-10\" revisit:2027-01-15");
        await playground.ActionAsync("dana", approved.MessageId, "decision.approve", approved.ActionData("decision.approve"));
        await playground.OneAsync("alice", "/decision new \"Support bot\" owner:@priya approver:@ceo budget:$50k milestones:\"pilot_end=2026-12-01\" "
            + "value:\"hold: CI overlaps\" slos:\"expand: met with headroom\" safety:\"expand: evals green\" economics:\"hold: ±15% with levers\" adoption:\"retire: low trust\"");
    }

    /// <summary>The files a report card links to, fetched through their signed links: name → text (Markdown, or CSV).</summary>
    public static async Task<IReadOnlyDictionary<string, string>> FilesAsync(HttpClient http, JsonObject card)
    {
        var files = new Dictionary<string, string>();
        foreach (var action in card["actions"]!.AsArray().Select(a => a!.AsObject()).Where(a => (string?)a["type"] == "Action.OpenUrl"))
        {
            var url = new Uri((string)action["url"]!);
            var response = await http.GetAsync(url.PathAndQuery);
            response.Content.Headers.ContentType!.MediaType.Should().Be(((string)action["title"]!).EndsWith(".csv") ? "text/csv" : "text/markdown");
            files[(string)action["title"]!] = await response.Content.ReadAsStringAsync();
        }
        return files;
    }

    /// <summary>A Markdown file cut at its level-2 headings: heading → the text under it.</summary>
    public static IReadOnlyDictionary<string, string> Sections(string markdown) =>
        markdown.Split("\n## ").Skip(1).ToDictionary(s => s[..s.IndexOf('\n')], s => s[(s.IndexOf('\n') + 1)..]);
}
