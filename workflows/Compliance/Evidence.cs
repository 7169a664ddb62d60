using System.Security.Cryptography;
using System.Text;

namespace ExecOps.Workflows.Compliance;

/// <summary>
/// One item of evidence for a control, as stored: append-only, with the SHA-256 of its content and the
/// time it was recorded (which nobody can change), and the time the evidence is about (an approval, a review).
/// </summary>
public sealed record EvidenceItem(
    long Sequence,
    string Control,
    string Kind,
    EvidenceSource Source,
    string Reference,
    string Content,
    string Sha256,
    DateTimeOffset HappenedAt,
    DateTimeOffset RecordedAt,
    string By);

/// <summary>Evidence to record: what it says, what it is about, and the key that makes recording it twice one item.</summary>
public sealed record NewEvidence(string Control, string Kind, EvidenceSource Source, string Content, DateTimeOffset HappenedAt, string By, string? Reference = null)
{
    public string Sha256 => Hash(Content);

    /// <summary>The given reference, or the content's hash and day: the same evidence sent twice the same day is one item.</summary>
    public string Key => Reference ?? $"{Sha256}/{HappenedAt:yyyy-MM-dd}";

    public static string Hash(string content) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)));
}
