namespace ExecOps.Workflows.Scoreboard;

/// <summary>
/// Turns what someone typed after `/scoreboard` into a slice: a bare word is a domain, service or
/// team that has data (in that order), or a segment; `domain:`, `service:`, `team:` and
/// `segment:a,b` say it outright. Anything unknown is refused, naming what is known.
/// </summary>
public sealed class SliceResolver(Segments segments, IReadOnlyList<(string Domain, string Service, string Team)> paths)
{
    public Slice Resolve(IEnumerable<string> words, IReadOnlyDictionary<string, string> options, Slice? start = null)
    {
        var slice = start ?? Slice.Company;
        foreach (var word in words) slice = Word(slice, word);
        if (options.TryGetValue("domain", out var domain)) slice = Path(slice, "domain", domain);
        if (options.TryGetValue("service", out var service)) slice = Path(slice, "service", service);
        if (options.TryGetValue("team", out var team)) slice = Path(slice, "team", team);
        if (options.TryGetValue("segment", out var segment))
            foreach (var part in segment.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                slice = segments.Apply(slice, part) ?? throw Unknown($"segment:{part}", $"Segments: {segments.List()}.");
        if (slice.Service is not null && slice.Team is not null)
            throw new RefusedException(RefusalKind.Invalid, "Pick a service or a team, not both: the drilldown goes domain → service, or domain → team.");
        return slice;
    }

    /// <summary>
    /// The week asked for: by default the last complete one, whose values are final and whose change
    /// against the week before means something; `week:current` (or its id) for the week in progress.
    /// </summary>
    public static IsoWeek Week(string? text, DateTimeOffset now)
    {
        if (text is null) return IsoWeek.Of(now).Previous;
        if (text.Trim().Equals("current", StringComparison.OrdinalIgnoreCase)) return IsoWeek.Of(now);
        var week = IsoWeek.TryParse(text) ?? throw new RefusedException(RefusalKind.Invalid,
            $"`week:{text}` is not an ISO week. Write it like `week:{IsoWeek.Of(now).Previous}` (last week), or `week:current` for the week in progress.");
        if (week.Start > now) throw new RefusedException(RefusalKind.Invalid, $"{week} has not started yet; this week is {IsoWeek.Of(now)}.");
        return week;
    }

    private Slice Word(Slice slice, string word)
    {
        var name = word.Trim().ToLowerInvariant();
        if (paths.Any(p => p.Domain == name)) return slice with { Domain = name };
        if (paths.FirstOrDefault(p => p.Service == name) is { Service.Length: > 0 } service) return slice with { Domain = Blank(service.Domain), Service = name };
        if (paths.FirstOrDefault(p => p.Team == name) is { Team.Length: > 0 } team) return slice with { Domain = Blank(team.Domain), Team = name };
        return segments.Apply(slice, name) ?? throw Unknown(word, Known());
    }

    private Slice Path(Slice slice, string level, string value)
    {
        var name = value.Trim().ToLowerInvariant();
        var match = paths.FirstOrDefault(p => (level == "domain" ? p.Domain : level == "service" ? p.Service : p.Team) == name);
        if (name.Length == 0 || match == default) throw Unknown($"{level}:{value}", Known());
        return level switch
        {
            "domain" => slice with { Domain = name },
            "service" => slice with { Domain = Blank(match.Domain) ?? slice.Domain, Service = name },
            _ => slice with { Domain = Blank(match.Domain) ?? slice.Domain, Team = name },
        };
    }

    private string Known()
    {
        static string List(IEnumerable<string> names) => names.Where(n => n.Length > 0).Distinct().DefaultIfEmpty("none yet").Aggregate((a, b) => $"{a}, {b}");
        return $"Domains: {List(paths.Select(p => p.Domain))}. Services: {List(paths.Select(p => p.Service))}. Teams: {List(paths.Select(p => p.Team))}. Segments: {segments.List()}.";
    }

    private static RefusedException Unknown(string what, string known) =>
        new(RefusalKind.NotFound, $"`{what}` is not a domain, service, team, segment or saved view I know. {known}");

    private static string? Blank(string value) => value.Length == 0 ? null : value;
}
