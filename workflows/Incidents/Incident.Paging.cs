using ExecOps.Workflows.Notifications;
using ExecOps.Workflows.People;

namespace ExecOps.Workflows.Incidents;

/// <summary>Who the ownership map says runs the service hit: its on-call is paged into the room, its owner and channel told.</summary>
public sealed record ServiceOnCall(string Service, string Name, string? OnCall, string? Owner, string Channel, string Team = "", string? TeamLead = null);

public sealed partial class Incident
{
    /// <summary>Pages the service's on-call (unless they declared it) and tells its owner and channel, noting both on the timeline.</summary>
    public void Page(ServiceOnCall service)
    {
        var declared = $"{Id} {Data.Severity.Label()} · {Data.Title} is declared on {service.Name} ({service.Service})";
        if (service.OnCall is { } onCall && onCall != Data.DeclaredBy)
        {
            Tell(onCall, $"{declared}, which you are on call for. Join #{Data.Room}; the IC is {Data.RoleNames[IncidentRole.Commander]}.");
            Post($"{service.Service}'s on-call ({onCall}) is paged.", onCall);
        }
        if (service.Owner is { } owner && owner != service.OnCall && owner != Data.DeclaredBy) Tell(owner, $"{declared}, which you own. Follow it in #{Data.Room}.");
        Send(new Notification(Recipient.Channel(service.Channel), $"{declared}. Follow it in #{Data.Room}.", new Subject(Kind, Id)));
        Note(Actor.System.Id, "paged", $"on-call of {service.Service}: {service.OnCall ?? "nobody (the ownership map names none)"}; owner {service.Owner ?? "none"}", now);
    }

    /// <summary>An incident a monitor or a pager declared has an IC who has not heard of it yet: they are told, with how to hand it on.</summary>
    public void CallCommander(string source)
    {
        var where = Data.Service is null ? "" : $" on {Data.Service}";
        Tell(Data.Roles[IncidentRole.Commander], $"{source} declared {Id} {Data.Severity.Label()} · {Data.Title}{where}, and you are its incident commander as the on-call. " +
            $"Join #{Data.Room}; if you cannot take it, hand it on with `/incident role {Id} ic @someone`.");
    }
}
