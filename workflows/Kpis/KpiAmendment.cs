using System.Globalization;
using ExecOps.Workflows.People;

namespace ExecOps.Workflows.Kpis;

/// <summary>
/// What a definition change may touch, and the same rules the catalog file is held to: numbers are
/// numbers, yellow stays on the bad side of green, owners are people in the directory.
/// </summary>
public static class KpiAmendment
{
    public static readonly IReadOnlyList<string> Fields = ["definition", "target", "green", "yellow", "owner", "backup", "freshness", "source", "lineage"];

    public static string Current(Kpi kpi, string field) => field switch
    {
        "definition" => kpi.Definition,
        "target" => kpi.Target.ToString(CultureInfo.InvariantCulture),
        "green" => kpi.Thresholds.Green.ToString(CultureInfo.InvariantCulture),
        "yellow" => kpi.Thresholds.Yellow.ToString(CultureInfo.InvariantCulture),
        "owner" => kpi.Owner ?? "",
        "backup" => kpi.Backup ?? "",
        "freshness" => kpi.FreshnessHours.ToString(CultureInfo.InvariantCulture),
        "source" => kpi.Source,
        "lineage" => kpi.Lineage,
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
    };

    /// <summary>The KPI as it would be; refused, naming each fault, if the result breaks a catalog rule.</summary>
    public static Kpi Apply(Kpi kpi, IReadOnlyDictionary<string, string> changes, PeopleDirectory people)
    {
        var problems = new List<string>();
        decimal Number(string field, decimal current) =>
            !changes.TryGetValue(field, out var text) ? current
            : decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value
            : Fault(problems, $"{field}:{text} is not a number", current);
        string? Person(string field, string? current)
        {
            if (!changes.TryGetValue(field, out var handle)) return current;
            return people.Find(handle)?.Id ?? Fault(problems, $"{field}:{handle} is not in the directory", current);
        }

        var amended = kpi with
        {
            Definition = changes.GetValueOrDefault("definition") ?? kpi.Definition,
            Source = changes.GetValueOrDefault("source") ?? kpi.Source,
            Lineage = changes.GetValueOrDefault("lineage") ?? kpi.Lineage,
            Target = Number("target", kpi.Target),
            Thresholds = new Thresholds(Number("green", kpi.Thresholds.Green), Number("yellow", kpi.Thresholds.Yellow)),
            FreshnessHours = (int)Number("freshness", kpi.FreshnessHours),
            Owner = Person("owner", kpi.Owner),
            Backup = Person("backup", kpi.Backup),
        };
        if (!amended.Thresholds.AreOrderedFor(amended.Direction))
            problems.Add($"yellow ({amended.Thresholds.Yellow}) must stay on the bad side of green ({amended.Thresholds.Green}) for a KPI where {amended.Direction.ToString().ToLowerInvariant()} is better");
        if (amended.FreshnessHours <= 0) problems.Add("freshness must be a number of hours above 0");
        if (amended.Owner is not null && amended.Owner == amended.Backup) problems.Add("the backup owner must be someone other than the owner");
        if (problems.Count > 0)
            throw new RefusedException(RefusalKind.Invalid, $"That change would break {kpi.Name}'s definition: {string.Join("; ", problems)}. Nothing was proposed.");
        return amended;
    }

    private static T Fault<T>(List<string> problems, string problem, T current)
    {
        problems.Add(problem);
        return current;
    }
}
