using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace ExecOps.Bot.Scoreboard;

/// <summary>Why a link or session was not accepted; each has its own answer for the person holding it.</summary>
public enum PassProblem { None, Missing, Malformed, Tampered, Expired }

/// <summary>
/// Signs "this person, until then" for the Executive Scoreboard: the link a card carries and the
/// session cookie it is exchanged for. HMAC-SHA256 over the person and expiry; nothing else is
/// trusted from the browser.
/// </summary>
public sealed class SignedPass
{
    private readonly byte[] key;
    private readonly TimeProvider clock;

    public SignedPass(IOptions<ScoreboardPageSettings> settings, TimeProvider clock, ILogger<SignedPass> logger)
    {
        this.clock = clock;
        var secret = settings.Value.LinkSecret;
        if (string.IsNullOrEmpty(secret))
        {
            logger.LogInformation("ScoreboardPage:LinkSecret is not set; scoreboard links are signed with a key made for this run and stop working when the bot restarts.");
            key = RandomNumberGenerator.GetBytes(32);
        }
        else key = Encoding.UTF8.GetBytes(secret);
    }

    public string Issue(string personId, TimeSpan lifetime)
    {
        var payload = $"{personId}|{(clock.GetUtcNow() + lifetime).ToUnixTimeSeconds()}";
        return $"{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload))}.{Base64Url.EncodeToString(Sign(payload))}";
    }

    public (string? PersonId, PassProblem Problem) Check(string? pass)
    {
        if (string.IsNullOrEmpty(pass)) return (null, PassProblem.Missing);
        var parts = pass.Split('.');
        if (parts.Length != 2) return (null, PassProblem.Malformed);
        byte[] payloadBytes, signature;
        try
        {
            payloadBytes = Base64Url.DecodeFromChars(parts[0]);
            signature = Base64Url.DecodeFromChars(parts[1]);
        }
        catch (FormatException)
        {
            return (null, PassProblem.Malformed);
        }
        var payload = Encoding.UTF8.GetString(payloadBytes);
        if (!CryptographicOperations.FixedTimeEquals(signature, Sign(payload))) return (null, PassProblem.Tampered);
        var fields = payload.Split('|');
        if (fields.Length != 2 || !long.TryParse(fields[1], out var expires)) return (null, PassProblem.Malformed);
        if (clock.GetUtcNow().ToUnixTimeSeconds() >= expires) return (null, PassProblem.Expired);
        return (fields[0], PassProblem.None);
    }

    private byte[] Sign(string payload) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(payload));
}
