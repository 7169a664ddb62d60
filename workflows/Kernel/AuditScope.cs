using ExecOps.Workflows.Storage;

namespace ExecOps.Workflows.Kernel;

/// <summary>
/// Who is acting, and on which command or button, for the length of one request. The kernel writes
/// the allowed audit row of every aggregate the request saves, with that aggregate as its subject and
/// in the same unit of work, so no change commits without its audit row. A request that saved nothing
/// (a read) is audited by whoever opened the scope.
/// </summary>
public sealed class AuditScope : IDisposable
{
    private static readonly AsyncLocal<AuditScope?> Ambient = new();
    private readonly AuditScope? outer;

    private AuditScope(string actor, string action)
    {
        Actor = actor;
        Action = action;
        outer = Ambient.Value;
        Ambient.Value = this;
    }

    public static AuditScope? Current => Ambient.Value;

    public string Actor { get; }
    public string Action { get; }

    /// <summary>Whether a saved change carried this request's audit row.</summary>
    public bool Recorded { get; private set; }

    public static AuditScope Begin(string actor, string action) => new(actor, action);

    /// <param name="covered">The unit already holds a row about the subject, which then stands as the record.</param>
    public async Task RecordAsync(UnitOfWork unit, string subject, bool covered)
    {
        if (!covered) await unit.Audit.AppendAsync(Actor, Action, subject, AuditRows.Allowed, "");
        Recorded = true;
    }

    public void Dispose() => Ambient.Value = outer;
}
