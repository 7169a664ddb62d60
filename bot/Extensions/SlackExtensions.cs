using ExecOps.Bot.Notifications;
using ExecOps.Bot.Slack;
using ExecOps.Bot.Slack.Api;
using ExecOps.Bot.Slack.SocketMode;

namespace ExecOps.Bot.Extensions;

public static class SlackExtensions
{
    /// <summary>The Slack adapter. Its endpoints are always mapped (and answer 404 until Slack:SigningSecret is set); Socket Mode runs with Slack:AppToken; it posts only when either is configured.</summary>
    public static IServiceCollection AddExecOpsSlack(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection("Slack");
        services.AddSlackWebApi(configuration);
        services.AddSingleton<SlackRequestReader>();
        services.AddSingleton<SlackActors>();
        services.AddSingleton<ISlackInboxHandler, SlackCommandHandler>();
        services.AddSingleton<ISlackInboxHandler, SlackInteractionHandler>();
        services.AddSingleton<ISlackInboxHandler, SlackEventHandler>();
        services.AddSingleton<SlackInbox>();
        services.AddSingleton<SlackIntake>();
        services.AddHostedService(sp => sp.GetRequiredService<SlackInbox>());
        var settings = section.Get<SlackSettings>();
        if (settings?.Receives == true)
            services.AddSingleton<IPlatformPort, SlackChatPort>();
        services.AddSingleton<SocketModeConnections>();
        if (settings?.UsesSocketMode == true)
        {
            if (settings.SocketConnections is < 1 or > 10)
                throw new InvalidOperationException($"Slack:SocketConnections is {settings.SocketConnections}; Slack allows 1 to 10 Socket Mode connections per app.");
            services.AddHttpClient(SlackSocketMode.HttpClientName);
            services.AddHostedService<SlackSocketMode>();
        }
        return services;
    }
}
