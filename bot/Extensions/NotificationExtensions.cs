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
        var tickets = configuration.GetSection("Tickets").Get<TicketSettings>() ?? new TicketSettings();
        if (!string.IsNullOrWhiteSpace(tickets.WebhookUrl))
        {
            if (!Uri.TryCreate(tickets.WebhookUrl, UriKind.Absolute, out _) || string.IsNullOrEmpty(tickets.Secret))
                throw new InvalidOperationException("Tickets:WebhookUrl must be an absolute URL, and Tickets:Secret must be set to sign the calls.");
            services.Configure<TicketSettings>(configuration.GetSection("Tickets"));
            services.AddHttpClient<TicketWebhookPort>();
            services.AddSingleton<IPlatformPort>(sp => sp.GetRequiredService<TicketWebhookPort>());
        }
        services.AddSingleton<IChatPort, ChatPorts>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());
        return services;
    }
}
