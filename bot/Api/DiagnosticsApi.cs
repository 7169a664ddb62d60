using System.Runtime;
using ExecOps.Bot.Settings;
using Microsoft.Extensions.Options;

namespace ExecOps.Bot.Api;

/// <summary>
/// `POST /api/diagnostics/memory`: a full, compacting garbage collection, then the live heap and the
/// resident set, for the benchmark's before / under / after figures. A full collection stops the
/// process for a moment, so it needs Diagnostics:Token and is closed without one.
/// </summary>
public static class DiagnosticsApi
{
    public static IEndpointRouteBuilder MapDiagnosticsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/diagnostics/memory", Memory);
        return app;
    }

    private static IResult Memory(HttpRequest request, IOptions<DiagnosticsSettings> settings)
    {
        if (!BearerToken.Matches(request, settings.Value.Token))
            return Problems.Unauthorized("Send `Authorization: Bearer <Diagnostics:Token>`. The endpoint is closed while no token is configured.");
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        return Results.Ok(new { liveHeapBytes = GC.GetTotalMemory(forceFullCollection: false), residentBytes = process.WorkingSet64 });
    }
}
