using ExecOps.Bot.Api;
using ExecOps.Workflows.Incidents;
using ExecOps.Workflows.Storage;
using Microsoft.Extensions.Options;

namespace ExecOps.Bot.Integrations.PagerDuty;

/// <summary>`POST /api/integrations/pagerduty`: a PagerDuty V3 webhook subscription whose signing secret is Integrations:PagerDuty:Secret.</summary>
public static class PagerDutyApi
{
    public static IEndpointRouteBuilder MapPagerDutyApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/integrations/pagerduty", ReceiveAsync);
        return app;
    }

    private static async Task<IResult> ReceiveAsync(HttpRequest request, IOptions<IntegrationSettings> settings, IncidentService incidents, Store store, TimeProvider clock, ILogger<IntegrationSettings> log)
    {
        var pagerDuty = settings.Value.PagerDuty;
        var (body, tooLarge) = await Intake.ReadAsync(request);
        if (tooLarge is not null) return tooLarge;
        if (body!.Length == 0 || !Signed(body, pagerDuty.Secret, request.Headers["X-PagerDuty-Signature"].ToString()))
            return await Intake.UnauthorizedAsync(store, "pagerduty",
                "X-PagerDuty-Signature holds no v1= signature of this body: set Integrations:PagerDuty:Secret to the webhook subscription's secret. The endpoint is closed while no secret is configured.");
        var (delivery, problem) = Intake.Parse(body, "a PagerDuty V3 webhook");
        if (problem is not null) return problem;

        var reading = PagerDutyEvent.Read(delivery!, pagerDuty, clock.GetUtcNow());
        if (reading.Problem is not null) return Problems.BadRequest(reading.Problem);
        if (reading.Signal is not { } signal)
        {
            log.LogInformation("PagerDuty event {Event} ({Type}) not used: {Reason}", reading.Id, reading.EventType, reading.Ignored);
            return Results.Ok(new { ignored = reading.Ignored });
        }
        var handled = await Intake.RunAsync(reading.Id!, "pagerduty", reading.EventType!, () => incidents.ReceiveAsync(signal));
        if (handled.Duplicate) return Results.Ok(new { duplicate = true, detail = Intake.AlreadyApplied });
        if (handled.Refused is { } refused) return Problems.BadRequest(refused);
        return Results.Ok(new { joined = handled.Value!.Joined, declared = handled.Value.Declared, announced = handled.Value.Announced is not null });
    }

    /// <summary>During a secret rotation PagerDuty signs with each secret, comma-separated; any one valid signature accepts.</summary>
    private static bool Signed(byte[] body, string? secret, string header) =>
        header.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Any(s => s.StartsWith("v1=", StringComparison.Ordinal) && WebhookSignature.Matches(body, secret, s["v1=".Length..]));
}
