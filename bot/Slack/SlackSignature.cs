using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ExecOps.Bot.Slack;

public enum SignatureCheck { Valid, Missing, Malformed, Stale, Mismatch }

/// <summary>
/// Slack's request signing: `v0=` + hex HMAC-SHA256 of `v0:{timestamp}:{raw body}`, keyed with the
/// signing secret as text. The timestamp window stops a captured request from being replayed later.
/// </summary>
public static class SlackSignature
{
    public static SignatureCheck Verify(string secret, string? timestamp, string? signature, ReadOnlySpan<byte> body, DateTimeOffset now, TimeSpan window)
    {
        if (string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(signature)) return SignatureCheck.Missing;
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || !signature.StartsWith("v0=", StringComparison.Ordinal))
            return SignatureCheck.Malformed;
        if (Math.Abs(now.ToUnixTimeSeconds() - seconds) > window.TotalSeconds) return SignatureCheck.Stale;

        var expected = "v0=" + Convert.ToHexStringLower(Sign(secret, timestamp, body));
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(signature.ToLowerInvariant()))
            ? SignatureCheck.Valid
            : SignatureCheck.Mismatch;
    }

    public static string Create(string secret, string timestamp, ReadOnlySpan<byte> body) =>
        "v0=" + Convert.ToHexStringLower(Sign(secret, timestamp, body));

    private static byte[] Sign(string secret, string timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes($"v0:{timestamp}:");
        var message = new byte[prefix.Length + body.Length];
        prefix.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(prefix.Length));
        return HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), message);
    }
}
