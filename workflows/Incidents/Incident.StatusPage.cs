using ExecOps.Workflows.Notifications;
using ExecOps.Workflows.People;

namespace ExecOps.Workflows.Incidents;

public sealed partial class Incident
{
    /// <summary>Where status-page posts go: the outbox delivers them in order, so an update never overtakes the post that opens the page's incident.</summary>
    public static readonly Recipient StatusPageFeed = Recipient.Webhook("statuspage");

    /// <summary>Publishes the approved status-page template's words: the first time opens the page's incident, later ones update it.</summary>
    public void PublishStatus(Actor actor, string text)
    {
        IncidentPolicy.EnsureCanPublish(Data, actor);
        Fire(IncidentTrigger.PublishStatus);
        var post = Data.StatusPage ??= new StatusPagePost();
        post.Published++;
        post.LastPublishedAt = now;
        Note(actor, "comms", $"{(post.Published == 1 ? "opened" : "updated")} the status page: {text}");
        Send(new Notification(StatusPageFeed, text, new Subject(Kind, Id)));
    }

    /// <summary>The status page answered with its incident: later posts update that one, and the card links to it.</summary>
    public bool StatusPageOpened(string id, string? url)
    {
        var post = Data.StatusPage ??= new StatusPagePost();
        if (post.Id is not null) return false;
        (post.Id, post.Url) = (id, url);
        Note(Actor.System, "comms", $"status page incident {id}{(url is null ? "" : $" at {url}")}");
        return true;
    }

    /// <summary>Resolving an incident that is on the status page resolves it there too, when Statuspage:ResolveWithIncident says so.</summary>
    private void ResolveStatusPage()
    {
        if (!settings.ResolveStatusPage || Data.StatusPage is not { Published: > 0 } post) return;
        string text;
        // The template that was published may have been taken out of the settings since; resolving must not wait on it.
        try { text = IncidentComms.Render(settings, Data, "statuspage"); }
        catch (RefusedException) { text = "This incident has been resolved."; }
        post.Published++;
        post.LastPublishedAt = now;
        Note(Actor.System, "comms", $"resolved the status page: {text}");
        Send(new Notification(StatusPageFeed, text, new Subject(Kind, Id)));
    }
}
