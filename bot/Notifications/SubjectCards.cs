using ExecOps.Cards;
using ExecOps.Cards.Incidents;
using ExecOps.Workflows;
using ExecOps.Workflows.Incidents;
using ExecOps.Workflows.Notifications;
using ExecOps.Workflows.People;

namespace ExecOps.Bot.Notifications;

/// <summary>The current card of whatever a notification is about, built when it is delivered so it is never stale.</summary>
public sealed class SubjectCards(IncidentService incidents, PeopleDirectory people)
{
    public async Task<Card?> CardForAsync(Subject? subject)
    {
        if (subject is null) return null;
        try
        {
            return subject.Kind switch
            {
                Incident.Kind => IncidentCard.Build(await incidents.GetAsync(subject.Id), people),
                _ => null,
            };
        }
        catch (RefusedException)
        {
            return null;
        }
    }
}
