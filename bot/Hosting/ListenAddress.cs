using System.Net;

namespace ExecOps.Bot.Hosting;

/// <summary>Reading the addresses Kestrel reports it listens on (`http://0.0.0.0:5180`, `http://+:80`, `http://127.0.0.1:5180`).</summary>
public static class ListenAddress
{
    private static readonly (string Wildcard, string Loopback)[] Wildcards =
        [("://0.0.0.0", "://127.0.0.1"), ("://[::]", "://[::1]"), ("://+", "://127.0.0.1"), ("://*", "://127.0.0.1")];

    /// <summary>Whether the address names no host but every interface.</summary>
    public static bool IsWildcard(string address) => Wildcards.Any(w => address.Contains(w.Wildcard, StringComparison.Ordinal));

    /// <summary>The address as this machine reaches it: a wildcard becomes loopback.</summary>
    public static string Local(string address) => Wildcards.Aggregate(address, (a, w) => a.Replace(w.Wildcard, w.Loopback, StringComparison.Ordinal)).TrimEnd('/');

    /// <summary>Whether only this machine can reach the address.</summary>
    public static bool IsLoopback(string address) =>
        !IsWildcard(address) && Uri.TryCreate(address, UriKind.Absolute, out var uri)
        && (uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip)));
}
