using System.Globalization;
using ExecOps.Workflows.Compliance;

namespace ExecOps.Cards.Compliance;

/// <summary>The compliance cards' actions and the data keys they carry.</summary>
public static class ComplianceActions
{
    public const string Refresh = "compliance.refresh";
    public const string Approve = "compliance.exception.approve";
    public const string Reject = "compliance.exception.reject";
    public const string Confirm = "compliance.dryrun.confirm";
    public const string Find = "compliance.dryrun.finding";

    public static readonly IReadOnlyList<string> All = [Refresh, Approve, Reject, Confirm, Find];

    public const string Control = "control";
    public const string Exception = "exception";
    public const string Version = CardVersion.Key;
    public const string Note = "note";
    public const string Quarter = "quarter";
    public const string Finding = "finding";

    /// <summary>What a button on an exception's card carries: which control and exception, and the control's version its reader saw.</summary>
    public static Dictionary<string, string> Reference(Workflows.Compliance.Control control, ControlExceptionData exception) => new()
    {
        [Control] = control.Id,
        [Exception] = exception.Number.ToString(CultureInfo.InvariantCulture),
        [Version] = control.Version.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>What a button on a dry run's card carries: which control and quarter, and the control's version its reader saw.</summary>
    public static Dictionary<string, string> Reference(Workflows.Compliance.Control control, DryRunData run) => new()
    {
        [Control] = control.Id,
        [Quarter] = run.Quarter,
        [Version] = control.Version.ToString(CultureInfo.InvariantCulture),
    };
}
