namespace ExecOps.Cards.Risks;

/// <summary>The register's card actions and the data keys they carry.</summary>
public static class RiskActions
{
    public const string Add = "risk.add";
    public const string Refresh = "risk.refresh";
    public const string Accept = "risk.acceptance.approve";
    public const string Reject = "risk.acceptance.reject";
    public const string ApprovePlan = "risk.escalation.approve-plan";
    public const string Extend = "risk.escalation.extend";
    public const string Fund = "risk.escalation.fund";
    public const string Reassign = "risk.escalation.reassign";
    public const string ReviewAccept = "risk.review.accept";
    public const string ReviewEscalate = "risk.review.escalate";
    public const string ReviewFund = "risk.review.fund";
    public const string ReviewClose = "risk.review.close";

    /// <summary>Every id the register's cards may carry, registered by the risk area.</summary>
    public static readonly IReadOnlyList<string> All =
        [Add, Refresh, Accept, Reject, ApprovePlan, Extend, Fund, Reassign, ReviewAccept, ReviewEscalate, ReviewFund, ReviewClose];

    public const string Until = "until";
    public const string Reason = "reason";

    public const string Risk = "risk";

    /// <summary>Which of the risk's cards a button is on: "acceptance" or "escalation".</summary>
    public const string About = "about";
    public const string AboutAcceptance = "acceptance";
    public const string AboutEscalation = "escalation";
    public const string Number = "number";
    public const string Version = CardVersion.Key;
    public const string Note = "note";
    public const string Date = "date";
    public const string Person = "person";

    /// <summary>What a button on one of a risk's acceptance or escalation cards carries: which card, and the version its reader saw.</summary>
    public static Dictionary<string, string> Reference(ExecOps.Workflows.Risks.Risk risk, string about, int number) => new()
    {
        [Risk] = risk.Id, [About] = about,
        [Number] = number.ToString(System.Globalization.CultureInfo.InvariantCulture), [Version] = risk.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
