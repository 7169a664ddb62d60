using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ExecOps.Bot.Slack.Api;

public static class SlackWebApiExtensions
{
    /// <summary>
    /// One <see cref="SlackWebApi"/> and one <see cref="SlackRateLimits"/> for the process; replace the
    /// limits in tests to change the pace. The limits run on the system clock, not the container's
    /// TimeProvider: Slack counts real seconds, and tests move the container's clock by hand, which
    /// would hold every paced call until someone did.
    /// </summary>
    public static IServiceCollection AddSlackWebApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SlackSettings>(configuration.GetSection("Slack"));
        services.TryAddSingleton(new SlackRateLimits(TimeProvider.System));
        // A singleton (its callers are singletons) with one long-lived HttpClient; recycling pooled
        // connections every few minutes keeps it following Slack's DNS.
        services.TryAddSingleton(sp => new SlackWebApi(
            new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = TimeSpan.FromSeconds(10) },
            sp.GetRequiredService<IOptions<SlackSettings>>(),
            sp.GetRequiredService<SlackRateLimits>(),
            new CoalescedEdits()));
        return services;
    }
}
