using System.Text;
using ExecOps.Bot.Scoreboard;
using ExecOps.Workflows;
using ExecOps.Workflows.People;
using ExecOps.Workflows.Reports;
using ExecOps.Workflows.Storage;

namespace ExecOps.Bot.Reports;

/// <summary>
/// Serves a report's files to the holder of its signed link: a pass for this report, naming the person
/// it was drafted for (it shows KPIs at their access level). A pass for another report, or naming
/// another reader, is refused, as is one of any other purpose. Every download and every refusal is audited.
/// </summary>
public static class ReportFiles
{
    public static WebApplication MapReportFiles(this WebApplication app)
    {
        app.MapGet($"{ReportLinks.Path}/{{id}}/{{file}}", DownloadAsync);
        return app;
    }

    private static async Task<IResult> DownloadAsync(string id, string file, HttpContext http, SignedPass passes, PeopleDirectory people, ReportDrafts reports, Store store)
    {
        var (pass, problem) = passes.Check(PassPurpose.ReportLink, http.Request.Query["pass"]);
        if (people.Find(pass?.PersonId) is not { } person)
        {
            await store.WriteAsync(async u => { await u.Audit.RefuseAsync(pass?.PersonId, "report.download", id, "no longer in the directory"); return true; });
            return Refused(401, "This link is not valid", problem == PassProblem.Expired
                ? "The link has expired. Run the command that drafted the report again (`/readout` or `/boardpacket`) for fresh links."
                : "The link is incomplete or was altered. Use the button on the report's card.");
        }
        ReportData report;
        try { report = await reports.GetAsync(id); }
        catch (RefusedException e) { return Refused(404, "No such report", e.Message); }
        if (report.For != person.Id || pass!.Subject != report.Id)
        {
            await AuditAsync(store, person.Id, id, AuditRows.Refused, pass!.Subject != report.Id ? $"a pass for {pass.Subject}" : "drafted for someone else");
            return Refused(403, "Not your report", $"{report.Id} was drafted for {people.NameOf(report.For)} and may show KPIs at their access level; this link is not theirs for it. Ask for your own draft.");
        }
        if (report.Files.FirstOrDefault(f => f.Name == file) is not { } found)
            return Refused(404, "No such file", $"{report.Id} has {string.Join(", ", report.Files.Select(f => f.Name))}; there is no {file}.");
        await AuditAsync(store, person.Id, $"{id}/{file}", AuditRows.Allowed, "");
        return Results.File(Encoding.UTF8.GetBytes(found.Markdown), ContentType(found.Name), found.Name);
    }

    /// <summary>Reports are Markdown; an audit pack's tables come as CSV too.</summary>
    public static string ContentType(string file) => file.EndsWith(".csv", StringComparison.Ordinal) ? "text/csv; charset=utf-8" : "text/markdown; charset=utf-8";

    private static IResult Refused(int status, string title, string detail) => Results.Problem(statusCode: status, title: title, detail: detail);

    private static Task AuditAsync(Store store, string who, string subject, string outcome, string detail) =>
        store.WriteAsync(async u => { await u.Audit.AppendAsync(who, "report.download", subject, outcome, detail); return true; });
}
