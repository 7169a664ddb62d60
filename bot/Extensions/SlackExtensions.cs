using ExecOps.Bot.Notifications;
using ExecOps.Bot.Slack;
using ExecOps.Bot.Slack.Api;

namespace ExecOps.Bot.Extensions;

public static class SlackExtensions
{
    /// <summary>The Slack adapter. Its endpoints are always mapped (and answer 404 until Slack:SigningSecret is set); it posts only when configured.</summary>
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
        if (section.Get<SlackSettings>()?.Enabled == true)
            services.AddSingleton<IPlatformPort, SlackChatPort>();
        return services;
    }
}
