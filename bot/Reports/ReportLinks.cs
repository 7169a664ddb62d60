using ExecOps.Bot.Scoreboard;
using ExecOps.Workflows.Reports;
using Microsoft.Extensions.Options;

namespace ExecOps.Bot.Reports;

/// <summary>
/// A report file's address for one person: `/reports/{id}/{file}?pass=…`, signed like the scoreboard's
/// links. A day, not the scoreboard's fifteen minutes, because a packet sent at 08:00 is read later.
/// </summary>
public sealed class ReportLinks(SignedPass passes, IOptions<ScoreboardPageSettings> settings)
{
    public const string Path = "/reports";
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    public string For(string personId, ReportData report, ReportFile file) =>
        $"{settings.Value.PublicUrl.TrimEnd('/')}{Path}/{Uri.EscapeDataString(report.Id)}/{Uri.EscapeDataString(file.Name)}?pass={Uri.EscapeDataString(passes.Issue(personId, Lifetime))}";
}
