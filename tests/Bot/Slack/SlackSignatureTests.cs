using System.Text;
using System.Text.Json.Nodes;
using ExecOps.Bot.Slack;
using ExecOps.Tests.Support;

namespace ExecOps.Tests.Bot.Slack;

public sealed class SlackSignatureTests
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    public static TheoryData<string> Vectors()
    {
        var data = new TheoryData<string>();
        foreach (var vector in JsonNode.Parse(SharedExternal.Read("slack/signing-vectors.json"))!.AsArray()) data.Add((string)vector!["id"]!);
        return data;
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void The_published_signing_vectors_are_accepted_or_refused_as_published(string id)
    {
        var vector = JsonNode.Parse(SharedExternal.Read("slack/signing-vectors.json"))!.AsArray().Single(v => (string?)v!["id"] == id)!;
        var now = DateTimeOffset.FromUnixTimeSeconds((long)vector["now"]!);

        var check = SlackSignature.Verify((string)vector["secret"]!, (string)vector["timestamp"]!, (string)vector["signature"]!,
            Encoding.UTF8.GetBytes((string)vector["body"]!), now, Window);

        (check == SignatureCheck.Valid).Should().Be((bool)vector["accept"]!);
    }

    [Fact]
    public void The_documented_slash_command_body_is_the_one_the_documented_signature_covers()
    {
        var vector = JsonNode.Parse(SharedExternal.Read("slack/signing-vectors.json"))!.AsArray()[0]!;

        SlackSignature.Create((string)vector["secret"]!, (string)vector["timestamp"]!, Encoding.UTF8.GetBytes(SharedExternal.Read("slack/slash-command-docs-example.form.txt")))
            .Should().Be((string)vector["signature"]!);
    }

    [Theory]
    [InlineData(-301, SignatureCheck.Stale)]
    [InlineData(301, SignatureCheck.Stale)]
    [InlineData(-299, SignatureCheck.Valid)]
    [InlineData(299, SignatureCheck.Valid)]
    public void Timestamps_more_than_five_minutes_away_in_either_direction_are_refused(int skewSeconds, SignatureCheck expected)
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000);
        var timestamp = (now.ToUnixTimeSeconds() + skewSeconds).ToString();
        var body = "command=%2Fincident&text=list"u8.ToArray();

        SlackSignature.Verify("secret", timestamp, SlackSignature.Create("secret", timestamp, body), body, now, Window).Should().Be(expected);
    }

    [Theory]
    [InlineData(null, "v0=abc", SignatureCheck.Missing)]
    [InlineData("1800000000", null, SignatureCheck.Missing)]
    [InlineData("yesterday", "v0=abc", SignatureCheck.Malformed)]
    [InlineData("1800000000", "v1=abc", SignatureCheck.Malformed)]
    [InlineData("1800000000", "v0=abc", SignatureCheck.Mismatch)]
    public void Missing_malformed_or_wrong_signatures_are_refused(string? timestamp, string? signature, SignatureCheck expected)
    {
        SlackSignature.Verify("secret", timestamp, signature, "x"u8, DateTimeOffset.FromUnixTimeSeconds(1_800_000_000), Window).Should().Be(expected);
    }
}
