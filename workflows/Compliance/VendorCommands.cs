using System.Text.RegularExpressions;
using ExecOps.Workflows.Commands;

namespace ExecOps.Workflows.Compliance;

/// <summary>`/compliance vendor …`: the register's grammar, parsed from the words after `vendor`.</summary>
public static partial class VendorCommands
{
    public const string Syntax = "/compliance vendor add \"<name>\" region:<…> data:<none|internal|customer|personal|sensitive> dpa:<yes|no> owner:@p review:YYYY-MM-DD [purpose:\"…\"] · " +
        "vendor list · vendor show VEN-n · vendor review VEN-n next:YYYY-MM-DD [dpa:yes] notes:\"…\" · vendor offboard VEN-n reason:\"…\"";

    public static ComplianceRequest Parse(CommandLine line) => line.Arguments.FirstOrDefault()?.ToLowerInvariant() switch
    {
        "add" => Add(line),
        "list" => new ShowVendors(),
        "show" => new ShowVendor(Id(line)),
        "review" => new ReviewVendor(Id(line), CommandValues.Date(line.Option("next"), "next"), line.Option("dpa") is { } dpa ? YesNo(dpa, "dpa") : null, line.Option("notes") ?? ""),
        "offboard" => new OffboardVendor(Id(line), line.Option("reason") ?? ""),
        _ => throw new RefusedException(RefusalKind.Invalid, $"`/compliance vendor` takes add, list, show, review or offboard:\n`{Syntax}`"),
    };

    private static AddVendor Add(CommandLine line)
    {
        var name = line.Arguments.Skip(1).FirstOrDefault()
            ?? throw new RefusedException(RefusalKind.Invalid, $"Name the vendor in quotes: `{Syntax.Split(" · ")[0]}`.");
        var missing = new[] { "region", "data", "dpa", "review" }.Where(o => line.Option(o) is null).ToList();
        if (missing.Count > 0)
            throw new RefusedException(RefusalKind.Invalid, $"A vendor needs {string.Join(", ", missing.Select(m => m + ":"))}: `{Syntax.Split(" · ")[0]}`.");
        var data = line.Option("data")!;
        if (!Enum.TryParse<DataClass>(data, ignoreCase: true, out var parsed) || int.TryParse(data, out _))
            throw new RefusedException(RefusalKind.Invalid, $"data:{data} is not one of {string.Join(", ", Enum.GetNames<DataClass>().Select(n => n.ToLowerInvariant()))}: the most sensitive data the vendor touches.");
        return new AddVendor(name, line.Option("region")!, parsed, YesNo(line.Option("dpa")!, "dpa"), line.Option("owner") ?? line.Mentions.FirstOrDefault(),
            CommandValues.Date(line.Option("review"), "review"), line.Option("purpose"));
    }

    private static bool YesNo(string text, string option) => text.ToLowerInvariant() switch
    {
        "yes" => true,
        "no" => false,
        _ => throw new RefusedException(RefusalKind.Invalid, $"{option}:{text} must be yes or no: is a data processing agreement signed?"),
    };

    private static string Id(CommandLine line) => line.Arguments.Skip(1).FirstOrDefault() is { } id && VendorId().IsMatch(id) ? id.ToUpperInvariant()
        : throw new RefusedException(RefusalKind.Invalid, $"Which vendor? Name it like `/compliance vendor {line.Arguments[0]} VEN-2 …`; `/compliance vendor list` shows the register.");

    [GeneratedRegex("^VEN-[0-9]+$", RegexOptions.IgnoreCase)]
    private static partial Regex VendorId();
}
