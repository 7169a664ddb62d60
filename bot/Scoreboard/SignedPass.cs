using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace ExecOps.Bot.Scoreboard;

/// <summary>Why a link was not accepted; each has its own answer for the person holding it.</summary>
public enum PassProblem { None, Missing, Malformed, Tampered, Expired }

/// <summary>What a pass is for. Each is protected under its own purpose, so one made for a purpose opens nothing else.</summary>
public enum PassPurpose { ScoreboardLink, ReportLink }

/// <summary>A pass that held: who it names, and what it was issued for (a report's id; empty for the scoreboard).</summary>
public sealed record Pass(string PersonId, string Subject);

/// <summary>
/// Signed links ("this person, for this, until then") by ASP.NET Core Data Protection: one protector
/// per purpose, the key ring kept beside the database so links outlive a restart. The expiry travels
/// inside the protected payload and is checked against the bot's <see cref="TimeProvider"/>:
/// Data Protection's time-limited protector reads the wall clock, and the bot's time (reminders,
/// cadences, links) is one clock that the tests move.
/// </summary>
public sealed class SignedPass(IDataProtectionProvider protection, TimeProvider clock)
{
    private IDataProtector Protector(PassPurpose purpose) => protection.CreateProtector("ExecOps.Bot.Pass", purpose.ToString());

    public string Issue(PassPurpose purpose, string personId, TimeSpan lifetime, string subject = "") =>
        Protector(purpose).Protect($"{(clock.GetUtcNow() + lifetime).ToUnixTimeSeconds()}|{subject}|{personId}");

    public (Pass? Pass, PassProblem Problem) Check(PassPurpose purpose, string? pass)
    {
        if (string.IsNullOrEmpty(pass)) return (null, PassProblem.Missing);
        string payload;
        try { payload = Protector(purpose).Unprotect(pass); }
        // A pass of another purpose, another key ring, or altered in transit reads as not one the bot made.
        catch (CryptographicException) { return (null, PassProblem.Tampered); }
        catch (FormatException) { return (null, PassProblem.Malformed); }
        var fields = payload.Split('|', 3);
        if (fields.Length != 3 || !long.TryParse(fields[0], out var expires)) return (null, PassProblem.Malformed);
        if (clock.GetUtcNow().ToUnixTimeSeconds() >= expires) return (null, PassProblem.Expired);
        return (new Pass(fields[2], fields[1]), PassProblem.None);
    }
}
