using ExecOps.Bot.Scoreboard;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace ExecOps.Bot.Hosting;

/// <summary>
/// The bot's address as browsers reach it, for the links in cards: `ScoreboardPage:PublicUrl` when
/// set, else the first address Kestrel listens on that names a host (a wildcard such as 0.0.0.0 names
/// none, so this machine's loopback stands in for it), so a bot started on another port links to that port.
/// </summary>
public sealed class PublicAddress(IOptions<ScoreboardPageSettings> settings, IServer server, ILogger<PublicAddress> logger)
{
    private readonly Lazy<string> url = new(() => Resolve(settings.Value.PublicUrl, server, logger));

    public string Url => url.Value;

    /// <summary>Says at start-up which address the links carry, and why.</summary>
    public void Announce() => _ = url.Value;

    private static string Resolve(string? configured, IServer server, ILogger logger)
    {
        if (!string.IsNullOrWhiteSpace(configured)) return configured.TrimEnd('/');
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses.ToList() ?? [];
        var chosen = ListenAddress.Local(addresses.FirstOrDefault(a => !ListenAddress.IsWildcard(a)) ?? addresses.FirstOrDefault() ?? "http://127.0.0.1:5180");
        logger.LogInformation("Links in cards point at {Url} (the address the bot listens on); set ScoreboardPage:PublicUrl when browsers reach it elsewhere.", chosen);
        return chosen;
    }
}
