using System.Security.Claims;

namespace ExecOps.Bot.Teams.Auth;

/// <summary>
/// The verdict on an inbound Bot Framework token. A refusal's <see cref="Reason"/> names the check that failed in
/// plain words and never repeats the token, so it is safe to log and to answer with.
/// </summary>
public sealed record TokenCheck(bool IsValid, string? Reason, ClaimsIdentity? Identity)
{
    public static TokenCheck Refused(string reason) => new(false, reason, null);

    public static TokenCheck Accepted(ClaimsIdentity identity) => new(true, null, identity);
}
