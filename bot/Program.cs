using ExecOps.Bot.Extensions;

// The content root is the build output, where appsettings.json and the Playground page are copied.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });

builder.Services
    .AddExecOpsStorage(builder.Configuration)
    .AddExecOpsScheduling(builder.Configuration)
    .AddExecOpsWorkflows(builder.Configuration)
    .AddExecOpsNotifications(builder.Configuration)
    .AddExecOpsSlack(builder.Configuration)
    .AddExecOpsTeams(builder.Configuration)
    .AddExecOpsHttp(builder.Configuration);

var app = builder.Build();
await app.MigrateDatabaseAsync();
app.MapExecOps();
app.Run();

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
