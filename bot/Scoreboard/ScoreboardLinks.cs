using ExecOps.Bot.Hosting;
using ExecOps.Cards.Scoreboard;
using ExecOps.Workflows.People;
using ExecOps.Workflows.Scoreboard;
using Microsoft.Extensions.Options;

namespace ExecOps.Bot.Scoreboard;

/// <summary>
/// The page's addresses. A view's address (`/scoreboard?domain=payments&amp;segment=emea`) is stable
/// and can be pinned; a card's link wraps it in a short-lived signed pass naming the person.
/// </summary>
public sealed class ScoreboardLinks(SignedPass passes, IOptions<ScoreboardPageSettings> settings, PublicAddress address)
{
    public const string PagePath = "/scoreboard";
    public const string OpenPath = "/scoreboard/open";

    /// <summary>The link for a card; null for someone outside the directory, who cannot sign in to the page.</summary>
    public string? For(Actor actor, Slice slice, IsoWeek? week)
    {
        if (!actor.IsKnown) return null;
        var pass = passes.Issue(PassPurpose.ScoreboardLink, actor.Id, settings.Value.LinkLifetime);
        var view = Query(slice, week);
        return $"{address.Url}{OpenPath}?pass={Uri.EscapeDataString(pass)}{(view.Length > 0 ? "&" + view : "")}";
    }

    /// <summary>The stable part: which slice and week, as query parameters.</summary>
    public static string Query(Slice slice, IsoWeek? week) =>
        string.Join("&", ScoreboardActions.Dimensions(slice).Where(d => d.Value is not null).Select(d => $"{d.Key}={Uri.EscapeDataString(d.Value!)}")
            .Concat(week is { } w ? [$"week={w}"] : []));
}
