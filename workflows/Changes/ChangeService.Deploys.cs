using ExecOps.Workflows.Incidents;
using ExecOps.Workflows.Kernel;

namespace ExecOps.Workflows.Changes;

/// <summary>A deployment a pipeline reported: the change envelope it names, if any, and the signal for the service's incidents.</summary>
/// <param name="StartedAt">When the deployment began, for a change whose start is reported with its end.</param>
public sealed record Deployment(Signal Signal, DeployStep Step, string? ChangeId, DateTimeOffset StartedAt, DateTimeOffset? FirstCommitAt, string? Detail);

/// <summary>What a deployment did: the change it moved (or why it could not), and what the timeline took.</summary>
public sealed record DeploymentOutcome(string? Change, string? ChangeState, string? ChangeRefused, SignalOutcome? Timeline);

public sealed partial class ChangeService
{
    /// <summary>
    /// Moves the change the deployment names and, for a success, puts the deploy on the timelines of its service's open
    /// incidents, all in one transaction. A change that may not move (not approved, already finished) does not stop the
    /// deploy being recorded: it was deployed either way; the refusal is audited and answered.
    /// </summary>
    public async Task<DeploymentOutcome> DeployAsync(Deployment deployment, string actor)
    {
        await using var unit = await store.BeginAsync();
        await unit.ClaimRequestAsync();
        string? id = null, state = null, refused = null, service = null;
        if (deployment.ChangeId is { } named)
        {
            try
            {
                var change = await LoadAsync(unit, named);
                var at = Bounds.Placed(deployment.Signal.At, unit.Now);
                var startedAt = Bounds.Placed(deployment.StartedAt, unit.Now);
                change.Deployed(deployment.Step, startedAt < at ? startedAt : at, at, deployment.FirstCommitAt, deployment.Detail);
                var saved = await SaveAsync(unit, change);
                (id, state, service) = (saved.Id, saved.Data.State.ToString(), saved.Data.Service);
            }
            catch (RefusedException e)
            {
                refused = e.Message;
                await unit.Audit.RefuseAsync(actor, AuditScope.Current?.Action ?? "deploy", named, e.Message);
            }
        }
        SignalOutcome? timeline = null;
        if (deployment.Step == DeployStep.Succeeded)
            timeline = await incidents.ReceiveAsync(unit, deployment.Signal with { Service = deployment.Signal.Service ?? service, Marks = id is null });
        await unit.CommitAsync();
        return new DeploymentOutcome(id, state, refused, timeline);
    }
}
