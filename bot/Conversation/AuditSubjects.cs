using System.Text.RegularExpressions;
using ExecOps.Workflows.Commands;

namespace ExecOps.Bot.Conversation;

/// <summary>
/// What a request that changed nothing was about, for its audit row: the first record id it names
/// (INC-4, RISK-2, CHG-7, DEC-2026-11-02-01, BG-1, TASK-3, RFC-1), in its words or its button's data.
/// A request about no record in particular (`/risk top`) is about its area, and says so (`risk`).
/// </summary>
public static partial class AuditSubjects
{
    public static string Of(CommandLine line) => First(line.Words) ?? line.Name;

    public static string Of(string actionId, IReadOnlyDictionary<string, string> data) => First(data.Values) ?? actionId.Split('.')[0];

    private static string? First(IEnumerable<string> words) => words.FirstOrDefault(w => RecordId().IsMatch(w))?.ToUpperInvariant();

    [GeneratedRegex(@"^(INC|RISK|CHG|BG|TASK|RFC)-[0-9]+$|^DEC-[0-9]{4}-[0-9]{2}-[0-9]{2}-[0-9]{2}$", RegexOptions.IgnoreCase)]
    private static partial Regex RecordId();
}
