using ExecOps.Bot.Notifications;
using ExecOps.Bot.Playground;
using ExecOps.Bot.Settings;

namespace ExecOps.Bot.Extensions;

public static class NotificationExtensions
{
    public static IServiceCollection AddExecOpsNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<OutboxSettings>(configuration.GetSection("Outbox"));
        services.AddSingleton<SubjectCards>();
        services.AddSingleton<PlaygroundChatPort>();
        services.AddSingleton<IPlatformPort>(sp => sp.GetRequiredService<PlaygroundChatPort>());
        services.AddSingleton<IChatPort, ChatPorts>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());
        return services;
    }
}
