using System.Net;
using System.Text.Json.Nodes;
using ExecOps.Tests.Support;

namespace ExecOps.Tests.Bot.Reports;

/// <summary>`/boardpacket` from Teams, end to end: an authenticated message activity in; the answer and the proactive direct message out to the fake Connector; the card's link over HTTP.</summary>
public sealed class TeamsReportDeliveryTests : TeamsBotTest
{
    /// <summary>The CEO's AAD object id, as the directory has it.</summary>
    private const string CeoAad = "00000000-0000-0000-0000-0000000000c1";
    private const string PacketPath = "/reports/board-packet-2026-11-v1/board_packet_2026-11.md";

    private static JsonObject CardOf(FakeConnectorCall call) => (JsonObject)call.Body!["attachments"]![0]!["content"]!;

    private JsonObject CeoInTheirChat(string text)
    {
        var message = Message(text, CeoAad);
        message["conversation"] = new JsonObject { ["id"] = "a:ceo-chat", ["conversationType"] = "personal", ["tenantId"] = "t" };
        return message;
    }

    [Fact]
    public async Task The_CEOs_board_packet_is_answered_with_a_card_linking_to_it_and_sent_to_their_direct_messages()
    {
        (await PostAsync(CeoInTheirChat("boardpacket"))).StatusCode.Should().Be(HttpStatusCode.OK);

        var answer = CardOf(await Connector.WaitForAsync(c => c.Path == "/v3/conversations/a:ceo-chat/activities"));
        var link = new Uri(CardJson.OpenUrls(answer).Should().ContainSingle().Subject);
        link.AbsolutePath.Should().Be(PacketPath);
        var created = await Connector.WaitForAsync(c => c.HttpMethod == "POST" && c.Path == "/v3/conversations");
        created.Body!["members"]![0]!["id"]!.GetValue<string>().Should().Be("29:user-00000000");
        var dm = await Connector.WaitForAsync(c => c.Path == "/v3/conversations/a:personal-1/activities");
        dm.Text("text").Should().Be("Board packet November 2026 is ready.");
        CardJson.OpenUrls(CardOf(dm)).Select(u => new Uri(u).AbsolutePath).Should().Equal(PacketPath);
        JsonSchemaValidator.Validate("adaptive-card-1.5.0.schema.json", [answer.ToJsonString(), CardOf(dm).ToJsonString()])
            .SelectMany(r => r.Errors).Should().BeEmpty();

        // The public address may name another host than the test server's; the path and pass are what count.
        var served = await Http.GetAsync(link.PathAndQuery);
        served.StatusCode.Should().Be(HttpStatusCode.OK);
        (served.Content.Headers.ContentType!.MediaType, served.Content.Headers.ContentType.CharSet).Should().Be(("text/markdown", "utf-8"));
        served.Content.Headers.ContentDisposition!.FileName.Should().Be("board_packet_2026-11.md");
        (await served.Content.ReadAsStringAsync()).Should().StartWith("# Board packet — November 2026");
    }

    [Fact]
    public async Task A_board_packet_asked_for_in_a_channel_puts_no_link_signed_for_the_CEO_where_others_read()
    {
        var message = Message("boardpacket", CeoAad);

        await PostAsync(message);

        var reply = await Connector.WaitForAsync(c => c.Path.EndsWith($"/activities/{message["id"]}"));
        CardJson.OpenUrls(CardOf(reply)).Should().BeEmpty("everyone in the channel could open the CEO's packet with them");
        CardOf(reply).ToJsonString().Should().Contain("given only in our 1:1 chat");
        var dm = await Connector.WaitForAsync(c => c.Path == "/v3/conversations/a:personal-1/activities");
        CardJson.OpenUrls(CardOf(dm)).Should().ContainSingle("the CEO's own links go to their direct messages");
    }
}
