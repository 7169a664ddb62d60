using System.Text;
using ExecOps.Bot.Notifications;
using ExecOps.Bot.Slack;
using ExecOps.Tests.Support;
using ExecOps.Workflows.Notifications;
using ExecOps.Workflows.Reports;
using Microsoft.Extensions.DependencyInjection;

namespace ExecOps.Tests.Bot.Slack;

/// <summary>Outbox deliveries through the Slack port the bot registered, and exactly what the fake Slack received.</summary>
public sealed class SlackChatPortTests : SlackBotTest
{
    private const string Alice = "U01ALICE01";

    // Not ASCII throughout, so a length counted in characters rather than UTF-8 bytes would show.
    private static readonly ReportFile[] Readout =
    [
        new("scale-readout.md", "# Scale readout — week 47\n\nCheckout p95: 180 ms ✓\n"),
        new("kpis.md", "| KPI | Value |\n|---|---|\n| NPS | 41 |\n"),
    ];

    private static Delivery ReadoutFor(string person) => new("ob-7", Recipient.Person(person), "Your scale readout is ready", null, Files: Readout);

    private SlackChatPort Port => Bot.Services.GetServices<IPlatformPort>().OfType<SlackChatPort>().Single();

    [Fact]
    public async Task A_report_s_files_are_uploaded_into_the_direct_message_threaded_under_its_message()
    {
        await Port.DeliverAsync(ReadoutFor("alice"), default);

        Slack.Calls.Select(c => c.Method).Should().Equal(
            "chat.postMessage",
            "files.getUploadURLExternal", "upload_url", "files.completeUploadExternal",
            "files.getUploadURLExternal", "upload_url", "files.completeUploadExternal");
        var post = Slack.CallsTo("chat.postMessage").Single();
        post.Text("channel").Should().Be(Alice);
        var (dm, ts) = ((string)post.Reply!["channel"]!, (string)post.Reply["ts"]!);
        dm.Should().StartWith("D", "Slack answers a post to a user with their direct message's id, which uploads need");

        var tickets = Slack.CallsTo("files.getUploadURLExternal");
        var uploads = Slack.CallsTo("upload_url");
        var completions = Slack.CallsTo("files.completeUploadExternal");
        for (var i = 0; i < Readout.Length; i++)
        {
            var bytes = Encoding.UTF8.GetBytes(Readout[i].Markdown);
            var fileId = (string)tickets[i].Reply!["file_id"]!;
            (tickets[i].Text("filename"), tickets[i].Text("length")).Should().Be((Readout[i].Name, bytes.Length.ToString()));
            tickets[i].ContentType.Should().Be("application/x-www-form-urlencoded");
            uploads[i].Text("_id").Should().Be(fileId);
            uploads[i].Content.Should().Equal(bytes);
            (uploads[i].Authorization, uploads[i].ContentType).Should().Be(((string?)null, "text/markdown; charset=utf-8"), "the upload URL is pre-signed");
            (completions[i].Text("channel_id"), completions[i].Text("thread_ts")).Should().Be((dm, ts));
            completions[i].Body["files"]!.ToJsonString().Should().Be($$"""[{"id":"{{fileId}}","title":"{{Readout[i].Name}}"}]""");
        }
    }

    [Fact]
    public async Task Slack_refusing_to_complete_an_upload_fails_the_delivery_so_the_outbox_retries()
    {
        Slack.FailNext("files.completeUploadExternal", 200, "internal_error");

        var failure = (await Port.Invoking(p => p.DeliverAsync(ReadoutFor("alice"), default)).Should().ThrowAsync<DeliveryFailedException>()).Which;

        (failure.Message, failure.Permanent).Should().Be(("Slack files.completeUploadExternal: internal_error", false));
        Slack.CallsTo("files.completeUploadExternal").Should().ContainSingle("the second file waits for the retry");
    }

    [Fact]
    public async Task A_retry_after_a_failed_upload_sends_only_what_had_not_gone()
    {
        Slack.FailNext("upload_url", 503, after: 1);
        await Port.Invoking(p => p.DeliverAsync(ReadoutFor("alice"), default)).Should().ThrowAsync<DeliveryFailedException>();

        await Port.DeliverAsync(ReadoutFor("alice"), default);

        Slack.CallsTo("chat.postMessage").Should().ContainSingle("the message went the first time");
        var ts = (string)Slack.CallsTo("chat.postMessage").Single().Reply!["ts"]!;
        Slack.CallsTo("files.completeUploadExternal").Select(c => (string?)c.Body["files"]![0]!["title"]).Should().Equal("scale-readout.md", "kpis.md");
        Slack.CallsTo("files.completeUploadExternal").Should().OnlyContain(c => c.Text("thread_ts") == ts);
    }
}
