using ExecOps.Workflows.Commands;

namespace ExecOps.Workflows.Changes;

/// <summary>What a person asked of break glass, parsed from the command grammar.</summary>
public abstract record BreakGlassRequest;

public sealed record TakeEmergencyAccess(string Service, string Reason, TimeSpan Duration) : BreakGlassRequest;
public sealed record FileBreakGlassReview(string GrantId, string Review) : BreakGlassRequest;
public sealed record ListActiveGrants : BreakGlassRequest;

/// <summary>The `/breakglass` grammar: its help text, and the parse from words to a typed request.</summary>
public static class BreakGlassCommands
{
    public static readonly CommandArea Area = new("breakglass", "emergency access to a service: at once, audited, expiring by itself",
    [
        new("", "/breakglass service:<name> reason:\"…\" duration:<up to 4h>", "Take emergency access now; security is told, and a review is due within 48 hours."),
        new("review", "/breakglass review BG-n \"what was done and why\"", "File the post-event review."),
        new("list", "/breakglass list", "Grants active now.", ReadOnly: true),
    ]) { RunsBare = true };

    public static bool IsReadOnly(string? verb) => verb == "list";

    public static BreakGlassRequest Parse(CommandLine line) => line.Verb switch
    {
        "review" => new FileBreakGlassReview(line.Arguments.FirstOrDefault() ?? "", line.Arguments.Skip(1).FirstOrDefault() ?? ""),
        "list" => new ListActiveGrants(),
        null => new TakeEmergencyAccess(line.Option("service") ?? throw new RefusedException(RefusalKind.Invalid, "service:<name> is missing."),
            line.Option("reason") ?? "", CommandValues.Duration(line.Option("duration"))),
        _ => throw new RefusedException(RefusalKind.Invalid, $"`/breakglass {line.Verb}` is not a break-glass command.\n{Area.Help()}"),
    };
}
