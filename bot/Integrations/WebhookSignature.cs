using System.Security.Cryptography;
using System.Text;

namespace ExecOps.Bot.Integrations;

/// <summary>The providers' HMAC-SHA256 over the raw body, hex-encoded, compared in constant time; closed while no secret is set.</summary>
public static class WebhookSignature
{
    public static bool Matches(ReadOnlySpan<byte> body, string? secret, string? hex)
    {
        if (string.IsNullOrEmpty(secret) || string.IsNullOrEmpty(hex) || hex.Length != 64) return false;
        byte[] given;
        try { given = Convert.FromHexString(hex); }
        catch (FormatException) { return false; }
        return CryptographicOperations.FixedTimeEquals(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body), given);
    }
}
