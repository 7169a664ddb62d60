using System.Globalization;
using ExecOps.Workflows.Compliance;

namespace ExecOps.Cards.Compliance;

/// <summary>The compliance cards' actions and the data keys they carry.</summary>
public static class ComplianceActions
{
    public const string Refresh = "compliance.refresh";
    public const string Approve = "compliance.exception.approve";
    public const string Reject = "compliance.exception.reject";

    public static readonly IReadOnlyList<string> All = [Refresh, Approve, Reject];

    public const string Control = "control";
    public const string Exception = "exception";
    public const string Version = CardVersion.Key;
    public const string Note = "note";

    /// <summary>What a button on an exception's card carries: which control and exception, and the control's version its reader saw.</summary>
    public static Dictionary<string, string> Reference(Workflows.Compliance.Control control, ControlExceptionData exception) => new()
    {
        [Control] = control.Id,
        [Exception] = exception.Number.ToString(CultureInfo.InvariantCulture),
        [Version] = control.Version.ToString(CultureInfo.InvariantCulture),
    };
}
