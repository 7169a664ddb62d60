using System.Net;
using System.Net.Http.Headers;
using ExecOps.Tests.Support;

namespace ExecOps.Tests.Bot.Teams;

/// <summary>
/// The Teams endpoint's 1 MB limit holds for a body sent without a length (chunked), on the real
/// binary behind Kestrel: a body is not read beyond it, whatever the token says.
/// </summary>
public sealed class TeamsBodyLimitTests : IDisposable
{
    private readonly TempDatabase database = new();
    private readonly BotProcess bot;

    public TeamsBodyLimitTests() => bot = new BotProcess(database.Path, new Dictionary<string, string>
    {
        ["Teams__AppId"] = TeamsBotTest.AppId,
        ["Teams__OpenIdMetadataUrl"] = "http://127.0.0.1:9/never-asked",
    });

    [Fact]
    public async Task A_20_MB_chunked_body_with_a_garbage_token_is_cut_off_at_the_limit()
    {
        await bot.StartAsync();
        var body = new CountedBody(20 * 1024 * 1024);
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new StreamContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.TransferEncodingChunked = true;
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "a.b.c");

        HttpStatusCode? status = null;
        try { status = (await bot.Http.SendAsync(request)).StatusCode; }
        // The bot may close the connection while the client is still sending, which is the point.
        catch (HttpRequestException) { }

        if (status is not null) status.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        body.Taken.Should().BeLessThan(10 * 1024 * 1024, "the bot stops reading at 1 MB and does not drain the other 19");
        (await bot.Http.GetAsync("/healthz")).IsSuccessStatusCode.Should().BeTrue();
    }

    public void Dispose()
    {
        bot.Dispose();
        database.Dispose();
    }

    /// <summary>A body of spaces that counts what was taken of it, with no length to declare.</summary>
    private sealed class CountedBody(long size) : Stream
    {
        public long Taken { get; private set; }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, size - Taken);
            Array.Fill(buffer, (byte)' ', offset, n);
            Taken += n;
            return n;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => Taken; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
