using ExecOps.Bot.Notifications;
using ExecOps.Bot.Playground;
using ExecOps.Bot.Settings;
using ExecOps.Bot.Tickets;
using ExecOps.Bot.StatusPages;
using ExecOps.Workflows.Incidents;
using ExecOps.Bot.Hosting;
using ExecOps.Workflows.People;
using ExecOps.Workflows.Tasks;

namespace ExecOps.Bot.Extensions;

public static class NotificationExtensions
{
    public static IServiceCollection AddExecOpsNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<OutboxSettings>(configuration.GetSection("Outbox"));
        services.AddSingleton<SubjectCards>();
        services.AddSingleton<RequestAnswers>();
        if (PlaygroundSettings.IsTheChat(configuration))
        {
            services.AddSingleton<PlaygroundChatPort>();
            services.AddSingleton<IPlatformPort>(sp => sp.GetRequiredService<PlaygroundChatPort>());
        }
        // Each configured webhook is a port of its own; one left without a URL is off, and what is addressed to it is dropped.
        services.AddHttpClient(nameof(SignedWebhookPort));
        foreach (var (name, webhook) in configuration.GetSection("Webhooks").Get<Dictionary<string, WebhookSettings>>() ?? [])
        {
            if (string.IsNullOrWhiteSpace(webhook.Url)) continue;
            if (!Uri.TryCreate(webhook.Url, UriKind.Absolute, out var url) || string.IsNullOrEmpty(webhook.Secret))
                throw new InvalidOperationException($"Webhooks:{name}:Url must be an absolute URL, and Webhooks:{name}:Secret must be set to sign the calls.");
            services.AddSingleton<IPlatformPort>(sp => new SignedWebhookPort(name, url, webhook.Secret, sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(SignedWebhookPort)), sp.GetRequiredService<TimeProvider>()));
        }
        var jira = configuration.Checked<JiraSettings>("Tickets:Jira", j => j.Problems());
        if (jira.IsOn)
        {
            services.AddHttpClient(nameof(JiraPort), client => client.Timeout = TimeSpan.FromSeconds(30));
            services.AddSingleton<IPlatformPort>(sp => new JiraPort(jira, sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(JiraPort)),
                sp.GetRequiredService<FollowUps>(), sp.GetRequiredService<PeopleDirectory>(), sp.GetRequiredService<PublicAddress>()));
        }
        var statuspage = configuration.Checked<StatuspageSettings>("Statuspage", s => s.Problems());
        services.AddSingleton(statuspage);
        if (statuspage.IsOn)
        {
            services.AddHttpClient(nameof(StatuspagePort), client => client.Timeout = TimeSpan.FromSeconds(30));
            services.AddSingleton<IPlatformPort>(sp => new StatuspagePort(statuspage, sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(StatuspagePort)), sp.GetRequiredService<IncidentService>()));
        }
        services.AddSingleton<IChatPort, ChatPorts>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());
        return services;
    }
}
