using ExecOps.Bot.Api;
using ExecOps.Workflows.Incidents;
using ExecOps.Workflows.Storage;
using Microsoft.Extensions.Options;

namespace ExecOps.Bot.Integrations.Alertmanager;

/// <summary>`POST /api/integrations/alertmanager`: an Alertmanager `webhook_config` with `http_config.authorization` sending Integrations:Alertmanager:Token.</summary>
public static class AlertmanagerApi
{
    public static IEndpointRouteBuilder MapAlertmanagerApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/integrations/alertmanager", ReceiveAsync);
        return app;
    }

    private static async Task<IResult> ReceiveAsync(HttpRequest request, IOptions<IntegrationSettings> settings, IncidentService incidents, Store store, TimeProvider clock)
    {
        var alertmanager = settings.Value.Alertmanager;
        if (!BearerToken.Matches(request, alertmanager.Token))
            return await Intake.UnauthorizedAsync(store, "alertmanager",
                "Send `Authorization: Bearer <Integrations:Alertmanager:Token>` (in Alertmanager: http_config.authorization.credentials). The endpoint is closed while no token is configured.");
        var (body, tooLarge) = await Intake.ReadAsync(request);
        if (tooLarge is not null) return tooLarge;
        var (group, problem) = Intake.Parse(body!, "Alertmanager's webhook payload (version 4)");
        if (problem is not null) return problem;
        var (alerts, unusable) = AlertmanagerAlert.Read(group!, alertmanager, clock.GetUtcNow());
        if (unusable is not null) return Problems.BadRequest(unusable);

        var answers = new List<object>();
        foreach (var alert in alerts)
        {
            var handled = await Intake.RunAsync(alert.Key, "alertmanager", $"alert {alert.Status}", () => incidents.ReceiveAsync(alert.Signal));
            answers.Add(new
            {
                fingerprint = alert.Fingerprint, status = alert.Status,
                joined = handled.Value?.Joined ?? [], declared = handled.Value?.Declared, announced = handled.Value?.Announced is not null,
                duplicate = handled.Duplicate, refused = handled.Refused,
            });
        }
        return Results.Ok(new { alerts = answers });
    }
}
