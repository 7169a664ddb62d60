using System.Globalization;
using System.Net;
using System.Text;
using ExecOps.Cards.Scoreboard;
using ExecOps.Workflows;
using ExecOps.Workflows.Kpis;
using ExecOps.Workflows.People;
using ExecOps.Workflows.Scoreboard;
using ExecOps.Workflows.Storage;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace ExecOps.Bot.Scoreboard;

/// <summary>
/// The Executive Scoreboard page (seed §2): one canonical page whose address names the view. A card's
/// signed link signs the person in (a session cookie); the page then reads its data as that person,
/// so roles decide what it shows. Every view and every export is audited.
/// </summary>
public static class ScoreboardPage
{
    public const string SessionCookie = "execops_scoreboard";

    /// <summary>The page's session: ASP.NET Core cookie authentication, its ticket protected under its own purpose.</summary>
    public const string SessionScheme = "scoreboard-session";

    public static WebApplication MapScoreboardPage(this WebApplication app)
    {
        var assets = new PhysicalFileProvider(Path.Combine(AppContext.BaseDirectory, "Scoreboard", "wwwroot"));
        app.UseStaticFiles(new StaticFileOptions { FileProvider = assets, RequestPath = "/scoreboard/assets" });
        app.MapGet(ScoreboardLinks.OpenPath, OpenAsync);
        app.MapGet(ScoreboardLinks.PagePath, async (HttpContext http, PeopleDirectory people) =>
            await SignedInAsync(http, people) is null ? SignInFirst(PassProblem.Missing) : Results.File(assets.GetFileInfo("index.html").PhysicalPath!, "text/html; charset=utf-8"));
        app.MapGet("/scoreboard/data", DataAsync);
        app.MapGet("/scoreboard/export.csv", ExportAsync);
        return app;
    }

    private static async Task<IResult> OpenAsync(HttpContext http, SignedPass passes, PeopleDirectory people, Store store)
    {
        var (pass, problem) = passes.Check(PassPurpose.ScoreboardLink, http.Request.Query["pass"]);
        var person = people.Find(pass?.PersonId);
        if (person is null)
        {
            await store.WriteAsync(async u => { await u.Audit.RefuseAsync(pass?.PersonId, "scoreboard.signin", "scoreboard", "no longer in the directory"); return true; });
            return SignInFirst(problem == PassProblem.None ? PassProblem.Tampered : problem);
        }
        await http.SignInAsync(SessionScheme, new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, person.Id)], SessionScheme)));
        await AuditAsync(store, person.Id, "scoreboard.signin", AuditRows.Allowed, "");
        var view = string.Join("&", http.Request.Query.Where(q => q.Key != "pass").Select(q => $"{q.Key}={Uri.EscapeDataString(q.Value.ToString())}"));
        return Results.Redirect(ScoreboardLinks.PagePath + (view.Length > 0 ? "?" + view : ""));
    }

    private static async Task<IResult> DataAsync(HttpContext http, PeopleDirectory people, ScoreboardQueries queries, Segments segments, Store store)
    {
        if (await SignedInAsync(http, people) is not { } viewer) return Results.Problem(statusCode: 401, title: "Not signed in", detail: SignInText(PassProblem.Missing));
        var (snapshot, problem) = await SnapshotAsync(http, viewer, queries, segments, store, "scoreboard.view");
        return problem ?? Results.Json(ScoreboardJson.From(snapshot!, viewer, people, segments));
    }

    private static async Task<IResult> ExportAsync(HttpContext http, PeopleDirectory people, ScoreboardQueries queries, Segments segments, Store store)
    {
        if (await SignedInAsync(http, people) is not { } viewer) return SignInFirst(PassProblem.Missing);
        var (snapshot, problem) = await SnapshotAsync(http, viewer, queries, segments, store, "scoreboard.export");
        if (problem is not null) return problem;
        var csv = new StringBuilder("kpi,name,week,value,target,status,last_week,freshness,latest_data\n");
        foreach (var line in snapshot!.Lines)
            csv.AppendJoin(',', line.Kpi.Id, Quote(line.Kpi.Name), snapshot.Week, Number(line.Value), Number(line.Kpi.Target),
                line.Status?.ToString().ToLowerInvariant() ?? "", Number(line.LastWeek), line.Freshness.Level.ToString().ToLowerInvariant(),
                line.Freshness.Latest?.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture) ?? "").Append('\n');
        var name = $"scoreboard-{snapshot.Week}-{snapshot.Slice.Describe().Replace(", ", "-").Replace(' ', '-')}.csv";
        return Results.File(Encoding.UTF8.GetBytes(csv.ToString()), "text/csv; charset=utf-8", name);
    }

    private static async Task<(ScoreboardSnapshot?, IResult?)> SnapshotAsync(HttpContext http, Actor viewer, ScoreboardQueries queries, Segments segments, Store store, string action)
    {
        try
        {
            var (slice, week) = ScoreboardView.Read(http.Request.Query, segments, await queries.PathsAsync(), store.Clock.GetUtcNow());
            var snapshot = await queries.SnapshotAsync(viewer, slice, week);
            await AuditAsync(store, viewer.Id, action, AuditRows.Allowed, $"{week} {slice.Describe()}");
            return (snapshot, null);
        }
        catch (RefusedException e)
        {
            await AuditAsync(store, viewer.Id, action, AuditRows.Refused, e.Message);
            return (null, Results.Problem(statusCode: e.Kind == RefusalKind.NotFound ? 404 : 400, title: "That view cannot be shown", detail: e.Message));
        }
    }

    /// <summary>Who the session names, while they are still in the directory.</summary>
    private static async Task<Actor?> SignedInAsync(HttpContext http, PeopleDirectory people) =>
        (await http.AuthenticateAsync(SessionScheme)).Principal?.FindFirstValue(ClaimTypes.NameIdentifier) is { } id && people.Find(id) is { } person ? Actor.For(person) : null;

    private static IResult SignInFirst(PassProblem problem) =>
        Results.Content($"<!doctype html><meta charset=utf-8><title>Executive Scoreboard</title><main><h1>Executive Scoreboard</h1><p id=\"sign-in\">{WebUtility.HtmlEncode(SignInText(problem))}</p></main>",
            "text/html; charset=utf-8", Encoding.UTF8, StatusCodes.Status401Unauthorized);

    private static string SignInText(PassProblem problem) => problem switch
    {
        PassProblem.Expired => "This link has expired: links from the bot work for a short while only. Type /scoreboard in Slack or Teams and press \"Open the Executive Scoreboard\" for a fresh one.",
        PassProblem.Tampered or PassProblem.Malformed => "This link is not one the bot made (it was changed or cut short). Type /scoreboard in Slack or Teams and use the link on the card.",
        _ => "You are not signed in. Type /scoreboard in Slack or Teams and press \"Open the Executive Scoreboard\" on the card; the link signs you in.",
    };

    private static async Task AuditAsync(Store store, string actor, string action, string outcome, string detail) =>
        await store.WriteAsync(async unit => { await unit.Audit.AppendAsync(actor, action, "scoreboard", outcome, detail); return true; });

    private static string Number(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    private static string Quote(string text) => text.Contains(',') || text.Contains('"') ? $"\"{text.Replace("\"", "\"\"")}\"" : text;
}
