using ExecOps.Bot.Conversation;
using ExecOps.Bot.Reports;
using ExecOps.Cards;
using ExecOps.Workflows;
using ExecOps.Workflows.Notifications;
using ExecOps.Workflows.Reports;

namespace ExecOps.Bot.Notifications;

/// <summary>The current card of whatever a notification is about, built when it is delivered so it is never stale.</summary>
/// <remarks>Each area registers the subject kinds it builds cards for; a report carries its files too, so it is answered here.</remarks>
public sealed class SubjectCards(IEnumerable<IChatArea> areas, ReportDrafts reports, ReportLinks links)
{
    private readonly IReadOnlyDictionary<string, IChatArea> byKind = Registry.ByKey(areas, a => a.SubjectKinds, "notification subject");

    /// <summary>
    /// What goes with a notification to <paramref name="to"/>: the subject's current card, and a report's
    /// files for platforms that take uploads. A person gets links signed for them where the card has any.
    /// </summary>
    public async Task<(Card? Card, IReadOnlyList<ReportFile>? Files)> ContentForAsync(Subject? subject, Recipient to)
    {
        if (subject is null) return (null, null);
        try
        {
            if (subject.Kind == ReportDrafts.Kind)
            {
                var report = await reports.GetAsync(subject.Id);
                return (links.CardFor(to is { IsChannel: false, IsWebhook: false } ? to.Name : null, report), report.Files);
            }
            return (await CardForAsync(subject), null);
        }
        catch (RefusedException)
        {
            return (null, null);
        }
    }

    private async Task<Card?> CardForAsync(Subject subject) =>
        byKind.TryGetValue(subject.Kind, out var area) ? await area.SubjectCardAsync(subject) : null;
}
