using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using ExecOps.Tests.Support;
using ExecOps.Workflows.Compliance;
using ExecOps.Workflows.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace ExecOps.Tests.Bot.Compliance;

/// <summary>Evidence from chat and from the API: who may add and read it, its hash, and that nothing bad is stored.</summary>
public sealed class EvidenceTests : BotTest
{
    private static string Sha(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private async Task<IReadOnlyList<EvidenceItem>> StoredAsync()
    {
        await using var unit = await Bot.Services.GetRequiredService<Store>().BeginAsync();
        return await unit.Evidence.ListAsync();
    }

    private async Task<HttpResponseMessage> PostAsync(string body, string type = "application/json", string token = BotFactory.EvidenceToken)
    {
        var http = Bot.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/evidence") { Content = new StringContent(body, Encoding.UTF8, type) };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return await http.SendAsync(request);
    }

    [Fact]
    public async Task Owners_record_evidence_auditors_read_it_and_anyone_else_is_refused_without_anything_stored()
    {
        (await Playground.OneAsync("lee", "/compliance evidence CTRL-3 https://wiki.example.com/access-review-q4")).Text
            .Should().Be("Only CTRL-3's owner (alice), its backup (sam), the CISO and admins add its evidence; you (Lee Park) may not.");
        (await Playground.OneAsync("ines", "/compliance evidence CTRL-3 https://wiki.example.com/access-review-q4")).Text
            .Should().StartWith("Only CTRL-3's owner (alice)", "an auditor reads evidence but never adds it");
        (await StoredAsync()).Should().BeEmpty();

        var first = await Playground.OneAsync("sam", "/compliance evidence CTRL-3 \"Q4 access review: 212 accounts, 9 removed\" https://wiki.example.com/access-review-q4");
        first.Text.Should().Contain($"sha256 {Sha("Q4 access review: 212 accounts, 9 removed https://wiki.example.com/access-review-q4")}");
        (await Playground.OneAsync("sam", "/compliance evidence CTRL-3 \"Q4 access review: 212 accounts, 9 removed\" https://wiki.example.com/access-review-q4")).Text
            .Should().StartWith("That evidence was already recorded today as CTRL-3 #1");
        var stored = (await StoredAsync()).Should().ContainSingle().Subject;
        stored.Should().BeEquivalentTo(new { Control = "CTRL-3", Kind = "access-review", Source = EvidenceSource.Manual, By = "sam", RecordedAt = Bot.Clock.GetUtcNow() });

        (await Playground.OneAsync("ines", "/compliance show CTRL-3")).Text.Should().Contain($"#1 access-review · 2026-11-02 · Sam Alvarez · sha256 {stored.Sha256[..12]}…");
        var outsider = (await Playground.OneAsync("lee", "/compliance show CTRL-3")).Text;
        outsider.Should().Contain("Only its owner, backup, the CISO, auditors and admins see its evidence.").And.NotContain("access-review-q4");
    }

    [Theory]
    [InlineData("/compliance evidence CTRL-6 https://backups.example.com/nightly", "CTRL-6 needs more than one kind of evidence; say which with kind:<backup-report, restore-test>.")]
    [InlineData("/compliance evidence CTRL-6 kind:pentest https://x.example.com", "kind:pentest is not evidence CTRL-6 needs; it needs backup-report, restore-test.")]
    [InlineData("/compliance evidence CTRL-99 https://x.example.com", "There is no control `CTRL-99` in the catalog")]
    [InlineData("/compliance evidence CTRL-3", "Give the evidence: a link or a line of text")]
    [InlineData("/compliance evidence payments https://x.example.com", "Which control? Name it like `/compliance evidence CTRL-3 …`")]
    [InlineData("/compliance evidence CTRL-9 \"The chain looked fine to me\"", "CTRL-9's audit-chain is collected by the bot from its own records, so it takes no evidence by hand")]
    public async Task Bad_evidence_is_refused_saying_what_to_do_and_stores_nothing(string command, string answer)
    {
        (await Playground.OneAsync("sam", command)).Text.Should().Contain(answer);
        (await StoredAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task The_API_answers_each_item_at_the_index_it_was_sent_at_whatever_its_control()
    {
        var answer = (await (await PostAsync("""{"evidence":[{"control":"CTRL-3","content":"a"},{"control":"CTRL-11","content":"b"},{"control":"CTRL-3","content":"c"}]}""")).Content.ReadFromJsonAsync<JsonObject>())!;

        answer["items"]!.AsArray().Select(i => ((int)i!["index"]!, (string)i["control"]!, (string)i["sha256"]!))
            .Should().Equal((0, "CTRL-3", Sha("a")), (1, "CTRL-11", Sha("b")), (2, "CTRL-3", Sha("c")));
    }

    [Fact]
    public async Task The_API_takes_JSON_and_CSV_keeps_each_item_once_and_refuses_a_batch_with_a_bad_row_whole()
    {
        (await PostAsync("""{"evidence":[{"control":"CTRL-3","content":"x"}]}""", token: "wrong")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);

        var batch = """
            {"evidence": [
              {"control": "CTRL-3", "kind": "access-review", "content": "https://wiki.example.com/access-review-q4", "reference": "access-review-2026-q4", "at": "2026-11-01T16:00:00Z", "by": "alice"},
              {"control": "ctrl-6", "kind": "restore-test", "content": "Restored the orders database to staging in 41 min"}
            ]}
            """;
        var answer = (await (await PostAsync(batch)).Content.ReadFromJsonAsync<JsonObject>())!;
        ((int)answer["recorded"]!).Should().Be(2);
        ((string)answer["items"]![0]!["sha256"]!).Should().Be(Sha("https://wiki.example.com/access-review-q4"));
        ((string)answer["items"]![1]!["control"]!).Should().Be("CTRL-6");
        var again = (await (await PostAsync(batch)).Content.ReadFromJsonAsync<JsonObject>())!;
        ((int)again["recorded"]!, (int)again["unchanged"]!).Should().Be((0, 2), "the same batch sent again adds nothing");

        var mixed = await PostAsync("""{"evidence":[{"control":"CTRL-11","content":"Scan of 2026-11-02: 0 criticals"},{"control":"CTRL-404","content":"x"},{"control":"CTRL-3","content":"x","at":"9999-01-01T00:00:00Z"}]}""");
        mixed.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        var problem = (await mixed.Content.ReadFromJsonAsync<JsonObject>())!;
        problem["rejected"]!.AsArray().Select(r => (int)r!["index"]!).Should().Equal(1, 2);
        ((string)problem["rejected"]![0]!["reason"]!).Should().Contain("control CTRL-404 is not in the catalog");

        var csv = await PostAsync("control,kind,content,reference\nCTRL-11,vulnerability-scan,\"Scan of 2026-11-02: 0 criticals, 3 highs\",scan-2026-11-02\n", "text/csv");
        csv.StatusCode.Should().Be(HttpStatusCode.OK);
        var stored = await StoredAsync();
        stored.Select(i => (i.Control, i.Kind, i.By)).Should().Equal(("CTRL-3", "access-review", "alice"), ("CTRL-6", "restore-test", "api"), ("CTRL-11", "vulnerability-scan", "api"));
        stored[0].HappenedAt.Should().Be(new DateTimeOffset(2026, 11, 1, 16, 0, 0, TimeSpan.Zero));
        stored[2].Content.Should().Be("Scan of 2026-11-02: 0 criticals, 3 highs");
        stored.Should().OnlyContain(i => i.Sha256 == Sha(i.Content));
    }
}
