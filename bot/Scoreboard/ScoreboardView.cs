using ExecOps.Workflows;
using ExecOps.Workflows.Scoreboard;

namespace ExecOps.Bot.Scoreboard;

/// <summary>The slice and week a page address names (`?domain=payments&amp;region=emea&amp;week=2026-W47`), checked like a typed command.</summary>
public static class ScoreboardView
{
    public static (Slice Slice, IsoWeek Week) Read(IQueryCollection query, Segments segments, IReadOnlyList<(string Domain, string Service, string Team)> paths, DateTimeOffset now)
    {
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var key in new[] { "domain", "service", "team" })
            if (!string.IsNullOrWhiteSpace(query[key])) options[key] = query[key]!;
        var segment = new[] { "icp", "size", "region" }.Select(k => query[k].ToString()).Where(v => !string.IsNullOrWhiteSpace(v)).ToList();
        if (segment.Count > 0) options["segment"] = string.Join(",", segment);
        var slice = new SliceResolver(segments, paths).Resolve([], options);
        var week = SliceResolver.Week(string.IsNullOrWhiteSpace(query["week"]) ? null : query["week"].ToString(), now);
        if (slice.Icp != Blank(query["icp"]) || slice.Size != Blank(query["size"]) || slice.Region != Blank(query["region"]))
            throw new RefusedException(RefusalKind.Invalid, $"A segment was given in the wrong place: icp is {string.Join(" or ", Segments.IcpValues)}, size is {string.Join(" or ", Segments.SizeValues)}, region is one of {string.Join(", ", segments.Regions)}.");
        return (slice, week);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim().ToLowerInvariant();
}
