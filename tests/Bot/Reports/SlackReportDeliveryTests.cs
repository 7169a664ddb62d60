using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using ExecOps.Tests.Support;
using ExecOps.Workflows.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace ExecOps.Tests.Bot.Reports;

/// <summary>`/boardpacket` from Slack, end to end: a signed slash command in; the answer, the direct message and its uploads out; the card's link over HTTP.</summary>
public sealed class SlackReportDeliveryTests : SlackBotTest
{
    private const string Ceo = "U01CEO0001";
    private const string Bob = "U01BOB0001";
    private const string PacketFile = "board_packet_2026-10.md";

    private async Task<JsonObject> AnswerToAsync(string user, string command, string text)
    {
        var response = await Requests.CommandAsync(user, command, text, Slack.ResponseUrl(command));
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private Store Store => Bot.Services.GetRequiredService<Store>();

    [Fact]
    public async Task The_CEOs_board_packet_is_answered_with_its_link_and_uploaded_into_their_direct_message()
    {
        var answer = await AnswerToAsync(Ceo, "/boardpacket", "2026-10");

        ((string?)answer["response_type"]).Should().Be("ephemeral", "the links are signed for the CEO alone");
        BlockKitLimits.Violations(answer["blocks"]!.AsArray()).Should().BeEmpty();
        var link = SlackButtons.Of(answer).Should().ContainSingle().Subject;
        ((string?)link["text"]!["text"]).Should().Be(PacketFile);
        var url = new Uri((string)link["url"]!);
        url.AbsolutePath.Should().Be($"/reports/board-packet-2026-10-v1/{PacketFile}");

        var post = await Slack.WaitForAsync("chat.postMessage");
        post.Text("channel").Should().Be(Ceo);
        post.Text("text").Should().Be("Board packet October 2026 is ready.");
        SlackButtons.Of(post).Select(b => new Uri((string)b["url"]!).AbsolutePath).Should().Equal(url.AbsolutePath);
        var completed = await Slack.WaitForAsync("files.completeUploadExternal");
        (completed.Text("channel_id"), completed.Text("thread_ts")).Should().Be(((string)post.Reply!["channel"]!, (string)post.Reply["ts"]!));
        Slack.CallsTo("files.getUploadURLExternal").Single().Text("filename").Should().Be(PacketFile);

        // The public address may name another host than the test server's; the path and pass are what count.
        var served = await Bot.CreateClient().GetAsync(url.PathAndQuery);
        served.StatusCode.Should().Be(HttpStatusCode.OK);
        var markdown = await served.Content.ReadAsByteArrayAsync();
        Slack.CallsTo("upload_url").Single().Content.Should().Equal(markdown, "the upload and the link are the same draft");
        Encoding.UTF8.GetString(markdown).Should().StartWith("# Board packet — October 2026").And.Contain("for Morgan Reyes");
    }

    [Fact]
    public async Task Someone_who_is_not_an_exec_is_refused_and_nothing_is_drafted_or_uploaded()
    {
        var answer = await AnswerToAsync(Bob, "/boardpacket", "");

        ((string?)answer["response_type"]).Should().Be("ephemeral");
        ((string?)answer["text"]).Should().Be("The board packet is for execs and admins; you (Bob Martins) are neither.");
        answer["blocks"].Should().BeNull();
        (await Bot.Dispatcher.DispatchDueAsync()).Should().Be(0, "a refused draft announces nothing");
        Slack.Calls.Should().BeEmpty();
        await using var unit = await Store.BeginAsync();
        var refusal = (await unit.Audit.ListAsync()).Should().ContainSingle(a => a.Outcome == AuditRows.Refused).Subject;
        (refusal.Actor, refusal.Action).Should().Be(("bob", "/boardpacket"));
    }

    [Fact]
    public async Task Pressing_a_link_button_is_acknowledged_and_answered_with_nothing()
    {
        var answer = await AnswerToAsync(Ceo, "/boardpacket", "2026-10");
        await Slack.WaitForAsync("files.completeUploadExternal");
        var before = Slack.Calls.Count;
        var linkId = (string)SlackButtons.Of(answer).Single()["action_id"]!;

        // Slack sends a block_actions payload for a URL button too, and wants it acknowledged.
        var press = await Requests.InteractionAsync(SlackButtons.Press(Ceo, linkId, new JsonObject(), "C0GENERAL", ephemeral: true));

        press.StatusCode.Should().Be(HttpStatusCode.OK);
        await Eventually.Until(() => Store.WriteAsync(async u => (await u.Inbox.PendingAsync(DateTimeOffset.MaxValue, 10)).Count), n => n == 0, "the press to be handled");
        Slack.Calls.Should().HaveCount(before, "opening a file needs no answer in Slack");
    }
}
