using System.Security.Cryptography;
using System.Text;

namespace ExecOps.Bot.Api;

/// <summary>The shared-secret check of the machine-to-machine endpoints, in constant time; closed while no token is set.</summary>
public static class BearerToken
{
    public static bool Matches(HttpRequest request, string? token)
    {
        if (string.IsNullOrEmpty(token)) return false;
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return false;
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(header[7..].Trim()), Encoding.UTF8.GetBytes(token));
    }
}
