using System.Net.Http.Headers;
using System.Text;
using ExecOps.Tests.Support;

namespace ExecOps.Tests.Bot.Scoreboard;

/// <summary>The scoreboard as a new reader meets it (clock: Monday 2026-11-02 09:00 UTC, 2026-W45): each list once, a domain's own markers, a save that keeps or refuses, deltas in their value's format.</summary>
public sealed class ScoreboardReadingTests : BotTest
{
    [Fact]
    public async Task The_regions_are_listed_once()
    {
        var refusal = await Playground.OneAsync("dana", "/scoreboard narnia");

        refusal.Text.Should().Contain("Segments: icp, non-icp, enterprise, smb, na, emea, apac, latam.");
        refusal.Text.Split("emea").Should().HaveCount(2, "appsettings' regions replace the defaults rather than join them");
    }

    [Fact]
    public async Task A_domain_view_carries_the_markers_of_its_services()
    {
        await Observations.StoreAsync(Playground.Http, new { kpi = "uptime", period = "2026-W45", value = 99.5, domain = "payments" },
            new { kpi = "uptime", period = "2026-W45", value = 99.9, domain = "payments", service = "checkout" });
        using var deploy = new HttpRequestMessage(HttpMethod.Post, "/api/timeline-events")
        {
            Content = new StringContent("""{"kind":"deploy","service":"checkout","summary":"checkout v7"}""", Encoding.UTF8, "application/json"),
        };
        deploy.Headers.Authorization = new AuthenticationHeaderValue("Bearer", BotFactory.TimelineToken);
        (await Playground.Http.SendAsync(deploy)).EnsureSuccessStatusCode();
        await Playground.OneAsync("alice", "/incident declare sev2 \"Card auths failing\" service:payments");

        var text = (await Playground.OneAsync("dana", "/scoreboard payments week:current")).Text;

        text.Should().Contain("🚀 Mon 02 Nov: checkout: checkout v7", "checkout reports under the payments domain");
        text.Should().Contain("🚨 Mon 02 Nov: INC-1 Sev2 · Card auths failing (payments)", "payments is the domain's own service");
        text.Should().NotContain("No releases or incidents");
    }

    [Fact]
    public async Task Saving_a_view_with_a_week_is_refused_rather_than_dropping_the_week()
    {
        await Observations.StoreAsync(Playground.Http, new { kpi = "uptime", period = "2026-W44", value = 99.5, domain = "payments" });

        var refusal = await Playground.OneAsync("dana", "/scoreboard save mine payments week:2026-W44");

        refusal.Text.Should().Be("A saved view keeps a slice, not a week, so week:2026-W44 cannot be saved with it. Save it without the week, then open it for any week: `/scoreboard mine week:2026-W44`.");
        (await Playground.OneAsync("dana", "/scoreboard views")).Text.Should().NotContain("mine");
    }

    [Fact]
    public async Task A_change_reads_in_its_values_own_format()
    {
        await Observations.StoreAsync(Playground.Http, new { kpi = "new-arr", period = "2026-W43", value = 244617.25 }, new { kpi = "new-arr", period = "2026-W44", value = 247200 });

        var facts = CardJson.Facts((await Playground.OneAsync("dana", "/scoreboard")).Card!);

        facts.Should().Contain("New ARR: yellow · $247.2k · target $250k · ▲ +$2.6k vs last week");
    }
}
