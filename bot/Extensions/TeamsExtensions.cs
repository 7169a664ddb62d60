using ExecOps.Bot.Notifications;
using ExecOps.Bot.Teams;
using ExecOps.Bot.Teams.Auth;
using ExecOps.Bot.Teams.Connector;

namespace ExecOps.Bot.Extensions;

public static class TeamsExtensions
{
    /// <summary>The Teams adapter. `/api/messages` is always mapped (and answers 404 until Teams:AppId is set); it posts only when configured.</summary>
    public static IServiceCollection AddExecOpsTeams(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection("Teams");
        services.Configure<TeamsSettings>(section);
        services.AddHttpClient(ConnectorTokens.HttpClientName);
        services.AddSingleton<TeamsTokenValidator>();
        services.AddSingleton<ConnectorTokens>();
        services.AddHttpClient<ConnectorClient>();
        services.AddSingleton<TeamsPeople>();
        services.AddSingleton<TeamsConversations>();
        services.AddSingleton<TeamsActivityHandler>();
        if (section.Get<TeamsSettings>()?.Enabled == true)
            services.AddSingleton<IPlatformPort, TeamsChatPort>();
        return services;
    }
}
