using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ExecOps.Tests.Support;
using ExecOps.Workflows.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace ExecOps.Tests.Bot.Reports;

/// <summary>
/// A report's signed links over HTTP: who may open what, and what a refused reader is told. Lee is made
/// a sponsor, the one role that may draft a readout without being an exec, so a link can be held by someone
/// who may not open the CEO's reports.
/// </summary>
public sealed class ReportLinkTests() : BotTest(new() { ["People:6:Roles:0"] = "sponsor" })
{
    private const string CeoPacket = "/reports/board-packet-2026-11-v1/board_packet_2026-11.md";
    private const string LeeReadout = "/reports/readout-2026-11-02-v1/exec_scale_readout.md";

    /// <summary>The card's links, as path and query: the public address may name another host than the test server's.</summary>
    private async Task<IReadOnlyList<string>> LinksAsync(string who, string command) =>
        CardJson.OpenUrls((await Playground.OneAsync(who, command)).Card!).Select(u => new Uri(u).PathAndQuery).ToList();

    private static string PassOf(string link) => link[(link.IndexOf("?pass=", StringComparison.Ordinal) + "?pass=".Length)..];

    private async Task<(HttpStatusCode Status, string? ContentType, JsonObject? Problem)> GetAsync(string link)
    {
        var response = await Bot.CreateClient().GetAsync(link);
        var json = response.Content.Headers.ContentType?.MediaType == "application/problem+json" ? await response.Content.ReadFromJsonAsync<JsonObject>() : null;
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType, json);
    }

    private async Task<IReadOnlyList<AuditEntry>> DownloadsAsync()
    {
        await using var unit = await Bot.Services.GetRequiredService<Store>().BeginAsync();
        return (await unit.Audit.ListAsync()).Where(a => a.Action == "report.download").ToList();
    }

    [Fact]
    public async Task A_pass_changed_in_transit_is_refused_with_what_to_do_and_audited()
    {
        var pass = Uri.UnescapeDataString(PassOf((await LinksAsync("lee", "/readout"))[0]));
        var middle = pass.Length / 2;
        var altered = pass[..middle] + (pass[middle] == 'A' ? 'B' : 'A') + pass[(middle + 1)..];

        var (status, _, problem) = await GetAsync($"{CeoPacket}?pass={Uri.EscapeDataString(altered)}");

        status.Should().Be(HttpStatusCode.Unauthorized);
        ((string?)problem!["title"]).Should().Be("This link is not valid");
        ((string?)problem["detail"]).Should().Be("The link is incomplete or was altered. Use the button on the report's card.");
        (await DownloadsAsync()).Should().BeEmpty("a pass that names nobody is counted, not written a row each");
        await using var unit = await Bot.Services.GetRequiredService<Store>().BeginAsync();
        (await unit.Audit.AnonymousAsync()).Should().Equal(("report.download", "2026-11-02T09:00", 1L));
    }

    [Fact]
    public async Task A_flood_of_refused_anonymous_requests_is_counted_per_minute_and_adds_no_audit_rows()
    {
        await LinksAsync("ceo", "/boardpacket");
        int rows;
        await using (var before = await Bot.Services.GetRequiredService<Store>().BeginAsync()) rows = (await before.Audit.ListAsync()).Count;

        var client = Bot.CreateClient();
        for (var i = 0; i < 300; i++)
            (await client.GetAsync(i % 2 == 0 ? $"{CeoPacket}?pass=junk{i}" : $"/scoreboard/open?pass=junk{i}")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);

        await using var unit = await Bot.Services.GetRequiredService<Store>().BeginAsync();
        (await unit.Audit.ListAsync()).Should().HaveCount(rows);
        (await unit.Audit.AnonymousAsync()).Should().Equal(("report.download", "2026-11-02T09:00", 150L), ("scoreboard.signin", "2026-11-02T09:00", 150L));
    }

    [Fact]
    public async Task A_link_a_day_old_has_expired_and_says_how_to_get_a_fresh_one()
    {
        var link = (await LinksAsync("ceo", "/boardpacket")).Single();
        Bot.Clock.Advance(TimeSpan.FromHours(24));

        var (status, _, problem) = await GetAsync(link);

        status.Should().Be(HttpStatusCode.Unauthorized);
        ((string?)problem!["detail"]).Should().Contain("expired").And.Contain("`/boardpacket`");
    }

    [Fact]
    public async Task A_sponsors_link_opens_their_own_readout_but_not_the_CEOs_packet()
    {
        await LinksAsync("ceo", "/boardpacket");
        var own = (await LinksAsync("lee", "/readout"))[0];
        own.Should().StartWith($"{LeeReadout}?pass=");

        (await GetAsync(own)).Status.Should().Be(HttpStatusCode.OK);
        var (status, _, problem) = await GetAsync($"{CeoPacket}?pass={PassOf(own)}");

        status.Should().Be(HttpStatusCode.Forbidden);
        ((string?)problem!["title"]).Should().Be("Not your report");
        ((string?)problem["detail"]).Should().Be("board-packet-2026-11-v1 was drafted for Morgan Reyes and may show KPIs at their access level; this link is not theirs for it. Ask for your own draft.");
        (await DownloadsAsync()).Select(a => (a.Actor, a.Subject, a.Outcome, a.Detail)).Should().Equal(
            ("lee", "readout-2026-11-02-v1/exec_scale_readout.md", AuditRows.Allowed, ""),
            ("lee", "board-packet-2026-11-v1", AuditRows.Refused, "a pass for readout-2026-11-02-v1"));
    }

    [Fact]
    public async Task A_link_is_bound_to_its_reader_so_even_an_execs_own_pass_does_not_open_another_readers_report()
    {
        await LinksAsync("lee", "/readout");
        var ceos = (await LinksAsync("ceo", "/boardpacket")).Single();

        var (status, _, problem) = await GetAsync($"{LeeReadout}?pass={PassOf(ceos)}");

        status.Should().Be(HttpStatusCode.Forbidden);
        ((string?)problem!["title"]).Should().Be("Not your report");
        (await GetAsync(ceos)).Status.Should().Be(HttpStatusCode.OK, "the CEO's own link still opens the CEO's packet");
    }

    [Fact]
    public async Task An_unknown_file_or_report_is_not_found_and_the_answer_names_what_there_is()
    {
        var pass = PassOf((await LinksAsync("ceo", "/boardpacket")).Single());

        var file = await GetAsync($"/reports/board-packet-2026-11-v1/secrets.md?pass={pass}");
        var report = await GetAsync($"/reports/board-packet-2026-11-v9/board_packet_2026-11.md?pass={pass}");

        file.Status.Should().Be(HttpStatusCode.NotFound);
        ((string?)file.Problem!["detail"]).Should().Be("board-packet-2026-11-v1 has board_packet_2026-11.md; there is no secrets.md.");
        report.Status.Should().Be(HttpStatusCode.NotFound);
        ((string?)report.Problem!["detail"]).Should().Be("There is no report called `board-packet-2026-11-v9`.");
    }
}
