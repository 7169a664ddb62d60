using ExecOps.Tests.Bot.Reports;
using ExecOps.Tests.Support;

namespace ExecOps.Tests.Bot.Tasks;

/// <summary>
/// The hardening backlog and the trust ledger on the test's clock (start 2026-11-02 09:00 UTC). payments (owner sam, who reports
/// to dana) has a postmortem with a systemic item; search (team discovery, led by alice) then fails for the same root cause, a
/// repeat offender; bob records a deletion. The ledger for November is posted on 1 December and is in November's board packet.
/// </summary>
public sealed class HardeningBacklogTests : BotTest
{

    private async Task PostmortemAsync(string id, string service, string prevention)
    {
        await Playground.OneAsync("alice", $"/incident declare sev2 \"{service} errors\" service:{service}");
        await Playground.OneAsync("alice", $"/incident resolve {id}");
        await Playground.OneAsync("alice", $"/incident postmortem {id} cause:bad-deploy summary:\"A bad deploy\" {prevention}");
    }

    [Fact]
    public async Task Systemic_items_become_due_tasks_a_repeat_offender_goes_to_the_team_and_what_ships_lands_in_the_trust_ledger()
    {
        await PostmortemAsync("INC-1", "payments", "systemic:\"Canary every payments deploy\" prevent:\"Fix the retry loop\"");
        await Playground.HearsAsync("sam", "New task TASK-1: Hardening (systemic prevention from INC-1): Canary every payments deploy Due 2026-12-02.");
        (await Playground.OneAsync("sam", "/tasks")).Text.Should().Be("Your open tasks:\n• TASK-1 (2026-11-02, due 2026-12-02): Hardening (systemic prevention from INC-1): Canary every payments deploy");

        await PostmortemAsync("INC-2", "search", "systemic:\"Block deploys without a rollback plan\" prevent:\"Pin the ranking model\"");
        var alice = (await Playground.OneAsync("alice", "/tasks")).Text;
        alice.Should().Contain("TASK-2 (2026-11-02, due 2026-12-02): Hardening (repeat offender: bad-deploy again after INC-1): Block deploys without a rollback plan")
            .And.Contain("TASK-3 (2026-11-02, due 2026-12-02): Hardening (repeat offender: bad-deploy again after INC-1): Pin the ranking model");
        (await Playground.OneAsync("alice", "/incident timeline INC-2")).Text.Should().Contain("repeat offender (bad-deploy, also INC-1): prevention routed to discovery's backlog");

        (await Playground.OneAsync("alice", "/tasks done TASK-2")).Text.Should().Be("TASK-2 done: Hardening (repeat offender: bad-deploy again after INC-1): Block deploys without a rollback plan It goes into this month's trust ledger.");
        (await Playground.OneAsync("bob", "/tasks shipped \"Deleted the v1 export job\" kind:deletion evidence:https://git.example.com/data/pull/9")).Text
            .Should().Be("Recorded TASK-4: Deleted the v1 export job (https://git.example.com/data/pull/9). It goes into this month's trust ledger.");
        (await Playground.OneAsync("bob", "/tasks shipped \"x\" kind:refactor evidence:nope")).Text.Should().Contain("kind: must be hardening or deletion; evidence: must be a link");

        await Bot.ArmedAsync("task/TASK-1/due", r => r.DueAt == new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero));
        Bot.Clock.Advance(new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero) - Bot.Clock.GetUtcNow());
        (await Playground.OneAsync("alice", "/tasks done TASK-3")).Text.Should().StartWith("TASK-3 done");
        await Bot.ArmedAsync("rhythm/tasks/trust-ledger", r => r.DueAt == new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        Bot.Clock.Advance(new DateTimeOffset(2026, 12, 1, 9, 1, 0, TimeSpan.Zero) - Bot.Clock.GetUtcNow());
        var ledger = (await Playground.HearsAsync("#exec", "Trust ledger 2026-11")).Single(m => m.Text.StartsWith("Trust ledger")).Text;
        ledger.Should().Be("Trust ledger 2026-11: 3 improvement(s) shipped (2 hardening, 1 deletion).\n"
            + "• 2026-11-02 · hardening · Hardening (repeat offender: bad-deploy again after INC-1): Block deploys without a rollback plan · Alice Chen (INC-2)\n"
            + "• 2026-11-02 · deletion · Deleted the v1 export job · Bob Martins · https://git.example.com/data/pull/9\n"
            + "• 2026-11-30 · hardening · Hardening (repeat offender: bad-deploy again after INC-1): Pin the ranking model · Alice Chen (INC-2)");
        (await Playground.OneAsync("lee", "/tasks ledger month:2026-11")).Text.Should().StartWith("Trust ledger 2026-11: 3 improvement(s) shipped");
        (await Playground.OneAsync("lee", "/tasks ledger month:2026-13")).Text.Should().Contain("month:2026-13 is not a month");

        var reply = await Playground.OneAsync("ceo", "/boardpacket 2026-11");
        var incidents = ReportDataSet.Sections((await ReportDataSet.FilesAsync(Playground.Http, reply.Card!)).Single().Value)["Incidents"];
        incidents.Should().Contain("### Trust ledger: improvements shipped\n\n3 shipped this month: 2 hardening, 1 deletion.")
            .And.Contain("- 2026-11-02 · deletion · Deleted the v1 export job · Bob Martins · https://git.example.com/data/pull/9");

        Bot.Clock.Advance(new DateTimeOffset(2026, 12, 3, 9, 1, 0, TimeSpan.Zero) - Bot.Clock.GetUtcNow());
        await Playground.HearsAsync("sam", "TASK-1 was due 2026-12-02 and is still open: Hardening (systemic prevention from INC-1): Canary every payments deploy.");
        await Playground.HearsAsync("dana", "TASK-1, Sam Alvarez's, was due 2026-12-02 and is still open");
        (await Playground.OneAsync("sam", "/tasks done TASK-1")).Text.Should().StartWith("TASK-1 done");
        (await Playground.OneAsync("lee", "/tasks ledger")).Text.Should().StartWith("Trust ledger 2026-12: 1 improvement(s) shipped (1 hardening, 0 deletion).");
    }
}
