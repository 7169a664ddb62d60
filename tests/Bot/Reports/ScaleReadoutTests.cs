using ExecOps.Tests.Support;

namespace ExecOps.Tests.Bot.Reports;

/// <summary>Seed 003's artifact pack drafted from the known data set, each file checked section by section; the quarterly readout on the rhythm.</summary>
public sealed class ScaleReadoutTests : BotTest
{
    public ScaleReadoutTests() : base(new() { ["Reports:Readout"] = "0 0 8 ? * TUE" })
    {
    }

    [Fact]
    public async Task The_pack_is_three_files_drawn_from_the_records()
    {
        await ReportDataSet.SeedAsync(Bot, Playground);

        var reply = await Playground.OneAsync("ceo", "/readout");
        var files = await ReportDataSet.FilesAsync(Playground.Http, reply.Card!);

        files.Keys.Should().Equal("exec_scale_readout.md", "decision_log.md", "next_90_plan.md");
        var readout = ReportDataSet.Sections(files["exec_scale_readout.md"]);
        files["exec_scale_readout.md"].Should().StartWith("# Executive Scale Readout — 2026-08-03 to 2026-11-02\n");
        readout.Keys.Should().Equal("Value realized — KPI deltas", "SLO adherence", "Incident summary", "Unit-cost trend", "Decisions to take", "Next 90 days — milestones", "Evidence");
        readout["Value realized — KPI deltas"].Should().Contain("| Uptime (SLO) | 99.92% | 99.3% | −0.62% | 99.9% | 🔴 red |")
            .And.Contain("| New ARR | no data | $260k | — | $250k | 🟢 green |");
        readout["SLO adherence"].Should().Contain("| Uptime (SLO) | 13 of 14 | 99.3% | 99.9% |", "green every week until this one")
            .And.Contain("| MTTR | no data | no data | 4 h |");
        readout["Incident summary"].Should().Contain("2 incident(s) declared; MTTR (median time to resolve) 1h 30m.")
            .And.Contain("- INC-1 — Checkout 5xx (payments): resolved in 2h 00m");
        readout["Unit-cost trend"].Should().Contain("| Cloud Unit Cost | $44 | $37 | −15.9% ✓ | $44 → $44 → $44 → $44 → $44 → $44 → $44 → $44 → $44 → $44 → $44 → $40 → $40 → $37 |");
        readout["Decisions to take"].Should().Contain($"### {ReportDataSet.Proposed} — HOLD: Support bot")
            .And.Contain("Owner Priya Nair; approver Morgan Reyes; budget $50k. The traffic light proposes HOLD.")
            .And.Contain("| Value | HOLD | CI overlaps |").And.Contain("| Safety | EXPAND | evals green |").And.Contain("| Adoption | RETIRE | low trust |")
            .And.NotContain(ReportDataSet.Approved, "an approved decision is no longer to be taken");
        readout["Next 90 days — milestones"].Should().Contain($"| 2026-11-20 | wave3_launch | {ReportDataSet.Approved} (Ops Copilot Wave 3 (EU)) | Bob Martins |")
            .And.Contain("| 2027-01-15 | revisit |");
        readout["Evidence"].Should().Contain($"- wk08/adoption/study_plan.md#results ({ReportDataSet.Approved})");

        var log = files["decision_log.md"];
        log.Should().Contain($"| {ReportDataSet.Approved} | EXPAND | Ops Copilot Wave 3 (EU) | Bob Martins | Dana Okafor | $300k | Approved 2026-11-02 |")
            .And.Contain($"| {ReportDataSet.Proposed} | HOLD | Support bot | Priya Nair | Morgan Reyes | $50k | Proposed |");
        ReportDataSet.Sections(log)[$"{ReportDataSet.Approved} — EXPAND: Ops Copilot Wave 3 (EU)"].Should()
            .Contain("- Milestones: wave3_launch 2026-11-20; eu_privacy_update 2026-12-10").And.Contain("- Evidence: wk08/adoption/study_plan.md#results");

        var plan = ReportDataSet.Sections(files["next_90_plan.md"]);
        plan.Keys.Should().Equal("Outcomes — KPIs to bring to target", "Milestones", "Dashboards", "Cadence");
        plan["Outcomes — KPIs to bring to target"].Should().Contain("| Uptime (SLO) | 99.3% | 99.9% | 🔴 red | Alice Chen | no commentary yet |").And.NotContain("New ARR");
        plan["Milestones"].Should().Contain("| 2026-12-10 | eu_privacy_update |");
        plan["Cadence"].Should().Contain("- 2026-11-09 10:00 UTC — risks weekly review").And.Contain("- 2026-12-02 08:00 UTC — reports board packet");
    }

    [Fact]
    public async Task The_scheduled_readout_sends_its_pack_and_reminds_its_owner_until_the_proposed_decisions_are_decided()
    {
        await ReportDataSet.SeedAsync(Bot, Playground);
        await Bot.ArmedAsync("rhythm/reports/scale-readout");

        Bot.Clock.Advance(new DateTimeOffset(2026, 11, 3, 8, 0, 0, TimeSpan.Zero) - Bot.Clock.GetUtcNow());
        await Eventually.Until(() => Playground.MessagesAsync("ceo"), m => m.Any(x => x.Text.StartsWith("Scale readout 2026-08-04 to 2026-11-03 is ready")), "the readout pack");
        await Bot.ArmedAsync("readout/RO-1/logging");

        Bot.Clock.Advance(TimeSpan.FromHours(24));
        await Eventually.Until(() => Playground.MessagesAsync("ceo"), m => m.Any(x => x.Text.StartsWith("RO-1: 0 of 1 decisions from the readout are in the log")), "the 24-hour reminder");

        var card = await Playground.OneAsync("ceo", $"/decision show {ReportDataSet.Proposed}");
        await Playground.ActionAsync("ceo", card.MessageId, "decision.approve", card.ActionData("decision.approve"));
        await Bot.ArmedAsync("readout/RO-1/logging", r => r.DueAt > Bot.Clock.GetUtcNow());
        Bot.Clock.Advance(TimeSpan.FromHours(12));
        await Eventually.Until(async () => await Bot.PendingAsync("readout/RO-1/logging"), r => r is null, "the reminders to stop once it is decided");
    }

    [Fact]
    public async Task Only_execs_sponsors_and_admins_draft_the_readout()
    {
        var reply = await Playground.OneAsync("bob", "/readout");

        reply.Text.Should().Be("The scale readout is for execs, sponsors and admins; you (Bob Martins) are none of these.");
        reply.Card.Should().BeNull();
    }
}
