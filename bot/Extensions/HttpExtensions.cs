using System.Diagnostics;
using ExecOps.Bot.Hosting;
using ExecOps.Bot.Integrations;
using ExecOps.Bot.Integrations.Alertmanager;
using ExecOps.Bot.Integrations.GitHub;
using ExecOps.Bot.Integrations.PagerDuty;
using ExecOps.Bot.Reports;
using ExecOps.Bot.Api;
using ExecOps.Bot.Playground;
using ExecOps.Bot.Scoreboard;
using ExecOps.Bot.Settings;
using ExecOps.Bot.Slack;
using ExecOps.Bot.Teams;
using Microsoft.AspNetCore.Authentication.Cookies;
using ExecOps.Workflows.Storage;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;

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
        services.Configure<EvidenceSettings>(configuration.GetSection("Evidence"));
        services.Configure<ContractsApiSettings>(configuration.GetSection("Contracts"));
        services.Configure<SpendApiSettings>(configuration.GetSection("Spend"));
        services.Configure<DiagnosticsSettings>(configuration.GetSection("Diagnostics"));
        services.Configure<ScoreboardPageSettings>(configuration.GetSection("ScoreboardPage"));
        configuration.Checked<IntegrationSettings>("Integrations", i => i.Problems());
        services.Configure<IntegrationSettings>(configuration.GetSection("Integrations"));
        services.AddSingleton<PlaygroundGate>();
        var protection = services.AddDataProtection().SetApplicationName("ExecOps.Bot");
        if (KeysInDatabase(configuration))
            services.AddOptions<KeyManagementOptions>().Configure<Store>((keys, store) => keys.XmlRepository = new DatabaseKeyRing(store));
        else
            protection.PersistKeysToFileSystem(new DirectoryInfo(KeysFolder(configuration)));
        services.AddAuthentication().AddCookie(ScoreboardPage.SessionScheme, cookie =>
        {
            cookie.Cookie.Name = ScoreboardPage.SessionCookie;
            cookie.Cookie.Path = ScoreboardLinks.PagePath;
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.SlidingExpiration = false;
            // The page answers a missing session itself, with how to get a link; no redirect to a login page.
            cookie.Events.OnRedirectToLogin = context => { context.Response.StatusCode = StatusCodes.Status401Unauthorized; return Task.CompletedTask; };
        });
        services.AddOptions<CookieAuthenticationOptions>(ScoreboardPage.SessionScheme).Configure<TimeProvider, IOptions<ScoreboardPageSettings>>((cookie, clock, page) =>
        {
            cookie.TimeProvider = clock;
            cookie.ExpireTimeSpan = page.Value.SessionLifetime;
        });
        services.AddSingleton<SignedPass>();
        services.AddSingleton<PublicAddress>();
        // Only where asked for: another host in the same process (a test's) must not publish a second "ExecOps.Bot" meter.
        if (configuration.GetValue<bool>("Telemetry:Enabled"))
            services.AddSingleton<BotMetrics>().AddOpenTelemetry().WithMetrics(metrics => metrics
                .AddMeter(BotMetrics.Meters)
                .AddPrometheusExporter());
        services.AddSingleton<ScoreboardLinks>();
        services.AddSingleton<ReportLinks>();
        return services;
    }

    /// <summary>With PostgreSQL the key ring is in the database, where every replica reads it, unless `DataProtection:KeysPath` names a folder.</summary>
    public static bool KeysInDatabase(IConfiguration configuration) =>
        configuration["DataProtection:KeysPath"] is not { Length: > 0 } && configuration.GetSection("Storage").Get<StorageSettings>()?.IsPostgres == true;

    /// <summary>Data Protection's key ring: `DataProtection:KeysPath`, or a `keys` folder beside the database.</summary>
    private static string KeysFolder(IConfiguration configuration) =>
        configuration["DataProtection:KeysPath"] is { Length: > 0 } path ? path
        : Path.Combine(Path.GetDirectoryName(Path.GetFullPath(configuration["Storage:Path"] ?? "data/execops.db"))!, "keys");

    /// <summary>Every endpoint. Errors nobody foresaw become a bare problem+json 500: no stack trace reaches a user.</summary>
    public static WebApplication MapExecOps(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.Lifetime.ApplicationStarted.Register(app.Services.GetRequiredService<PublicAddress>().Announce);
        app.UseStatusCodePages();
        app.MapHealthApi();
        if (app.Configuration.GetValue<bool>("Telemetry:Enabled"))
        {
            var metrics = app.Services.GetRequiredService<BotMetrics>();
            app.Use(async (http, next) =>
            {
                var started = Stopwatch.GetTimestamp();
                await next(http);
                metrics.Answered((http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "(no route)", http.Response.StatusCode, Stopwatch.GetElapsedTime(started));
            });
            app.UseWhen(http => http.Request.Path == "/metrics", scrape => scrape.Use(async (http, next) =>
            {
                await metrics.RefreshAsync(http.RequestAborted);
                await next(http);
            }));
            app.MapPrometheusScrapingEndpoint("/metrics");
        }
        app.MapTimelineEventsApi();
        app.MapAlertmanagerApi();
        app.MapGitHubApi();
        app.MapPagerDutyApi();
        app.MapMetricsApi();
        app.MapChangeEventsApi();
        app.MapEvidenceApi();
        app.MapContractsApi();
        app.MapSpendApi();
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
