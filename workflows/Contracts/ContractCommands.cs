using System.Text.RegularExpressions;
using ExecOps.Workflows.Commands;

namespace ExecOps.Workflows.Contracts;

/// <summary>The `/contract` grammar: its help text, and the parse from words to a typed request.</summary>
public static partial class ContractCommands
{
    public static readonly CommandArea Area = new("contract", "customer contracts: promises and what enforces them, gaps, notice deadlines",
    [
        new("import", "/contract import ⏎ reference,customer,tier,start,end,notice_days,penalty,owner,services,promise,value,enforced_by,gap_owner,gap_due ⏎ …",
            "Import contracts as CSV on the lines after the command, one row per promise (Legal, admins, execs); a contract already held is amended, every change audited."),
        new("list", "/contract list", "Every contract: customer, tier, end and notice deadline."),
        new("show", "/contract show CON-n", "One contract: its promises and what enforces each, and its amendments with who and when."),
        new("gaps", "/contract gaps", "Promises nothing enforces yet, with who closes each and by when."),
        new("upcoming", "/contract upcoming [days:90]", "Notice deadlines in the next days, with the penalty at stake."),
        new("amend", "/contract amend CON-n tier:<tier>", "Change a contract's tier (Legal, admins, execs); audited with who and when."),
    ]);

    public static ContractRequest Parse(CommandLine line) => line.Verb switch
    {
        "import" => new ImportContracts(line.Body ?? throw new RefusedException(RefusalKind.Invalid,
            "Put the contracts as CSV on the lines after `/contract import`, a header row first: reference,customer,tier,start,end,notice_days,penalty,owner,services,promise,value,enforced_by,gap_owner,gap_due.")),
        "list" => new ShowContracts(),
        "show" => new ShowContract(Id(line)),
        "gaps" => new ShowGaps(),
        "upcoming" => new ShowUpcoming(line.Option("days") is { } days ? Days(days) : 90),
        "amend" => new AmendTier(Id(line), line.Option("tier") ?? throw new RefusedException(RefusalKind.Invalid, "Give the new tier: `/contract amend CON-1 tier:enterprise`.")),
        _ => throw new RefusedException(RefusalKind.Invalid, $"`/contract {line.Verb}` is not a contract command.\n{Area.Help()}"),
    };

    private static int Days(string text) => int.TryParse(text, out var days) && days is > 0 and <= 3650 ? days
        : throw new RefusedException(RefusalKind.Invalid, $"days:{text} must be a whole number of days from 1 to 3650.");

    private static string Id(CommandLine line) => line.Arguments.FirstOrDefault() is { } id && ContractId().IsMatch(id) ? id.ToUpperInvariant()
        : throw new RefusedException(RefusalKind.Invalid, $"Which contract? Name it like `/contract {line.Verb} CON-2`; `/contract list` shows them.");

    [GeneratedRegex("^CON-[0-9]+$", RegexOptions.IgnoreCase)]
    private static partial Regex ContractId();
}
