using ExecOps.Tests.Support;

namespace ExecOps.Tests.Bot.Reports;

/// <summary>The monthly board packet (§11) drafted from the known data set, checked section by section; drafted by the rhythm for the CEO.</summary>
public sealed class BoardPacketTests : BotTest
{
    private async Task<IReadOnlyDictionary<string, string>> PacketAsync(string who, string command)
    {
        var reply = await Playground.OneAsync(who, command);
        var files = await ReportDataSet.FilesAsync(Playground.Http, reply.Card!);
        return ReportDataSet.Sections(files.Should().ContainSingle().Subject.Value);
    }

    [Fact]
    public async Task The_packet_has_every_section_of_the_template_drawn_from_the_records()
    {
        await ReportDataSet.SeedAsync(Bot, Playground);

        var packet = await PacketAsync("ceo", "/boardpacket 2026-11");

        packet.Keys.Should().Equal("KPIs", "Top 5 risks and mitigations", "Incidents", "Roadmap milestones", "Finances", "Decisions and asks",
            "What changed since last month", "What we're doing about it", "Appendix");
        packet["KPIs"].Should().Contain("| KPI | end of Oct | Nov to date | Change | Target | Status |")
            .And.Contain("| Uptime (SLO) | 99.95% | 99.3% | −0.65% | 99.9% | 🔴 red |")
            .And.Contain("| New ARR | $240k | $260k | +$20k | $250k | 🟢 green |")
            .And.Contain("| MTTR | no data | no data | — | 4 h | — |");
        packet["Top 5 risks and mitigations"].Should().Contain("### RISK-1 — Checkout outage").And.Contain("exposure $600k (30% × $2M); owner Alice Chen, sponsor Dana Okafor; open.")
            .And.Contain("| 1 | Second card processor | Alice Chen | 2026-11-30 | Planned |")
            .And.Contain("### RISK-2 — Vendor lock-in");
        packet["Top 5 risks and mitigations"].IndexOf("RISK-1", StringComparison.Ordinal).Should().BeLessThan(packet["Top 5 risks and mitigations"].IndexOf("RISK-2", StringComparison.Ordinal), "largest exposure first");
        packet["Incidents"].Should().Contain("2 incident(s) declared; 1 Sev1; MTTR (median time to resolve) 1h 30m.")
            .And.Contain("| Sev1 | 1 | 2h 00m |").And.Contain("| Sev2 | 1 | 1h 00m |")
            .And.Contain("- Sev1 INC-1 — Checkout 5xx: resolved in 2h 00m");
        packet["Roadmap milestones"].Should().Contain($"| 2026-11-20 | wave3_launch | {ReportDataSet.Approved} (Ops Copilot Wave 3 (EU)) | Bob Martins | this month |")
            .And.Contain($"| 2026-12-10 | eu_privacy_update | {ReportDataSet.Approved} (Ops Copilot Wave 3 (EU)) | Bob Martins | next 90 days |")
            .And.Contain("| 2027-01-15 | revisit |")
            .And.NotContain("pilot_end", "a proposed decision's milestones are not on the roadmap yet");
        packet["Finances"].Should().Contain("| New ARR | $240k | $260k | +$20k | $250k | 🟢 green |")
            .And.Contain("| Cloud Unit Cost | $40 | $37 | −$3 | $38 | 🟢 green |")
            .And.NotContain("Uptime")
            .And.Contain("Capital committed by decisions approved this month: $300k across 1 decision(s).");
        packet["Decisions and asks"].Should().Contain($"| {ReportDataSet.Approved} | EXPAND | Ops Copilot Wave 3 (EU) | Bob Martins | $300k | Approved 2026-11-02 |")
            .And.Contain($"| {ReportDataSet.Proposed}: approve HOLD — Support bot ($50k) | Priya Nair | Morgan Reyes | 2026-12-01 |")
            .And.Contain("| RISK-2: accept \"Vendor lock-in\" until 2026-12-31 | Bob Martins | Dana Okafor | 2026-11-09 |", "by the next weekly risk review");
        packet["What changed since last month"].Should().Contain("- Uptime (SLO): 🟢 green → 🔴 red (99.95% → 99.3%)")
            .And.Contain("- New ARR: 🟡 yellow → 🟢 green ($240k → $260k)")
            .And.Contain("- New risk RISK-1: Checkout outage")
            .And.Contain("- 1 Sev1 incident(s): INC-1")
            .And.Contain($"- Approved {ReportDataSet.Approved}: EXPAND — Ops Copilot Wave 3 (EU) ($300k)");
        packet["What we're doing about it"].Should().Contain("- Uptime (SLO) (🔴 red): no variance commentary yet; Alice Chen owns it.")
            .And.Contain("- INC-1: postmortem due");
        packet["Appendix"].Should().Contain($"- wk08/adoption/study_plan.md#results ({ReportDataSet.Approved})")
            .And.Contain("| Uptime (SLO) |").And.Contain("| ≥ 99.9% | Alice Chen | Observability / SLI exporter |");
    }

    [Fact]
    public async Task The_monthly_rhythm_drafts_last_months_packet_for_the_CEO()
    {
        await ReportDataSet.SeedAsync(Bot, Playground);
        await Bot.ArmedAsync("rhythm/reports/board-packet");

        Bot.Clock.Advance(new DateTimeOffset(2026, 12, 2, 8, 0, 0, TimeSpan.Zero) - Bot.Clock.GetUtcNow());

        var messages = await Eventually.Until(() => Playground.MessagesAsync("ceo"), m => m.Any(x => x.Text == "Board packet November 2026 is drafted for your review."), "the CEO's draft");
        var draft = messages.Single(m => m.Text == "Board packet November 2026 is drafted for your review.");
        var packet = ReportDataSet.Sections((await ReportDataSet.FilesAsync(Playground.Http, draft.Card!)).Single().Value);
        packet["KPIs"].Should().Contain("| KPI | end of Oct | end of Nov | Change | Target | Status |").And.Contain("| Uptime (SLO) | 99.95% | 99.3% |");
        packet["Incidents"].Should().Contain("2 incident(s) declared; 1 Sev1");
        (await Bot.PendingAsync("rhythm/reports/board-packet"))!.DueAt.Should().Be(new DateTimeOffset(2027, 1, 2, 8, 0, 0, TimeSpan.Zero));
    }

    [Theory]
    [InlineData("ceo", "/boardpacket 2026-13", "`2026-13` is not a month; write it as YYYY-MM")]
    [InlineData("ceo", "/boardpacket 2026-12", "2026-12 has not begun")]
    [InlineData("bob", "/boardpacket", "The board packet is for execs and admins; you (Bob Martins) are neither.")]
    public async Task Bad_requests_are_answered_and_draft_nothing(string who, string command, string expected)
    {
        var reply = await Playground.OneAsync(who, command);

        reply.Text.Should().Contain(expected);
        reply.Card.Should().BeNull();
        (await Playground.MessagesAsync(who)).Should().NotContain(m => m.Text.StartsWith("Board packet"));
    }
}
