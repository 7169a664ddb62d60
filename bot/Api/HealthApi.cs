using ExecOps.Bot.Slack;
using ExecOps.Bot.Slack.SocketMode;
using Microsoft.Extensions.Options;
using ExecOps.Workflows.Storage;
using ExecOps.Workflows.Reminders;
using Quartz;

namespace ExecOps.Bot.Api;

/// <summary>`GET /healthz`: is the database answering, is the scheduler running, is the outbox draining. Unauthenticated, so it names no path or secret.</summary>
public static class HealthApi
{
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", CheckAsync);
        return app;
    }

    private static async Task<IResult> CheckAsync(Store store, ISchedulerFactory schedulers, ILoggerFactory loggers, IOptions<SlackSettings> slack, SocketModeConnections sockets)
    {
        object database, outbox, scheduler;
        var healthy = true;
        try
        {
            await using var unit = await store.BeginAsync();
            var pending = await unit.Reminders.CountPendingAsync();
            var counts = await unit.Outbox.CountAsync();
            var (commits, units) = store.Committed;
            // No file path: the endpoint is open to anyone, and where the data lives is not theirs to know.
            database = new { status = "ok", schemaVersion = Migrations.Latest, pendingReminders = pending, commits, unitsCommitted = units };
            outbox = new { status = counts.Failed == 0 ? "ok" : "degraded", pending = counts.Pending, failed = counts.Failed, delivered = counts.Delivered };
        }
        catch (Exception e)
        {
            loggers.CreateLogger("Health").LogError(e, "Database health check failed.");
            healthy = false;
            database = new { status = "down", error = e.Message };
            outbox = new { status = "unknown" };
        }
        try
        {
            var quartz = await schedulers.GetScheduler();
            var status = quartz.Status;
            healthy &= status == SchedulerStatus.Running;
            var armed = await quartz.GetTriggerKeys(GroupMatcher<TriggerKey>.GroupEquals(ReminderScheduler.Group));
            scheduler = new { status = status.ToString().ToLowerInvariant(), name = quartz.SchedulerName, armedReminders = armed.Count };
        }
        catch (Exception e)
        {
            healthy = false;
            scheduler = new { status = "down", error = e.Message };
        }
        // Socket Mode's connections only when it is on: a bot on HTTP alone has none to report. None open is Slack's side or the
        // network, not this process, so it does not make the bot unhealthy: a restart would not bring them back.
        object body = slack.Value.UsesSocketMode
            ? new { status = healthy ? "healthy" : "unhealthy", database, scheduler, outbox,
                slackSocketMode = new { status = sockets.Status(slack.Value.SocketConnections), open = sockets.Open, wanted = slack.Value.SocketConnections, opened = sockets.Opened, closed = sockets.Closed, acknowledged = sockets.Envelopes, lastProblem = sockets.LastProblem } }
            : new { status = healthy ? "healthy" : "unhealthy", database, scheduler, outbox };
        return healthy ? Results.Ok(body) : Results.Json(body, statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
