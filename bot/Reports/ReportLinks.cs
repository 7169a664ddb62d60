using ExecOps.Bot.Hosting;
using ExecOps.Bot.Scoreboard;
using ExecOps.Cards;
using ExecOps.Cards.Reports;
using ExecOps.Workflows.People;
using ExecOps.Workflows.Reports;
using Microsoft.Extensions.Options;

namespace ExecOps.Bot.Reports;

/// <summary>
/// A report file's address for one person: `/reports/{id}/{file}?pass=…`, a pass for that report and
/// that reader only. A day, not the scoreboard's fifteen minutes, because a packet sent at 08:00 is read later.
/// </summary>
public sealed class ReportLinks(SignedPass passes, PublicAddress address, PeopleDirectory people)
{
    public const string Path = "/reports";
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    /// <summary>The report's card for one person, its buttons linking to the files for them; null: a card without links (a channel).</summary>
    public Card CardFor(string? personId, ReportData report) =>
        ReportCard.Build(report, people, f => personId is null ? null : For(personId, report, f));

    public string For(string personId, ReportData report, ReportFile file) =>
        $"{address.Url}{Path}/{Uri.EscapeDataString(report.Id)}/{Uri.EscapeDataString(file.Name)}?pass={Uri.EscapeDataString(passes.Issue(PassPurpose.ReportLink, personId, Lifetime, report.Id))}";
}
