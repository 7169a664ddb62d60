using ExecOps.Bot.Reports;
using ExecOps.Bot.Api;
using ExecOps.Bot.Playground;
using ExecOps.Bot.Scoreboard;
using ExecOps.Bot.Settings;
using ExecOps.Bot.Slack;
using ExecOps.Bot.Teams;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.FileProviders;

namespace ExecOps.Bot.Extensions;

public static class HttpExtensions
{
    public static IServiceCollection AddExecOpsHttp(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddProblemDetails();
        services.Configure<TimelineEventsSettings>(configuration.GetSection("TimelineEvents"));
        services.Configure<PlaygroundSettings>(configuration.GetSection("Playground"));
        services.Configure<MetricsSettings>(configuration.GetSection("Metrics"));
        services.Configure<ChangeEventsSettings>(configuration.GetSection("ChangeEvents"));
        services.Configure<DiagnosticsSettings>(configuration.GetSection("Diagnostics"));
        services.Configure<ScoreboardPageSettings>(configuration.GetSection("ScoreboardPage"));
        services.AddSingleton<PlaygroundGate>();
        services.AddSingleton<SignedPass>();
        services.AddSingleton<ScoreboardLinks>();
        services.AddSingleton<ReportLinks>();
        return services;
    }

    /// <summary>Every endpoint. Errors nobody foresaw become a bare problem+json 500: no stack trace reaches a user.</summary>
    public static WebApplication MapExecOps(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapHealthApi();
        app.MapTimelineEventsApi();
        app.MapMetricsApi();
        app.MapChangeEventsApi();
        app.MapDiagnosticsApi();
        app.MapScoreboardPage();
        app.MapReportFiles();
        app.MapSlackApi();
        app.MapTeamsApi();
        if (PlaygroundSettings.IsOn(app.Configuration))
        {
            var gate = app.Services.GetRequiredService<PlaygroundGate>();
            app.UseWhen(http => PlaygroundGate.Guards(http.Request), branch => branch.Use((http, next) => gate.InvokeAsync(http, next)));
            app.Lifetime.ApplicationStarted.Register(() =>
                gate.Announce(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? []));
            var page = new PhysicalFileProvider(Path.Combine(AppContext.BaseDirectory, "Playground", "wwwroot"));
            app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = page });
            app.UseStaticFiles(new StaticFileOptions { FileProvider = page });
            app.MapPlaygroundApi();
        }
        return app;
    }
}
