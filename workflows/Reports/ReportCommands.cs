using System.Globalization;
using ExecOps.Workflows.Commands;

namespace ExecOps.Workflows.Reports;

/// <summary>What a person asked for of the reports, parsed from the command grammar.</summary>
public abstract record ReportRequest;

public sealed record DraftReadout : ReportRequest;

/// <summary>The readout meeting starts: <paramref name="Decisions"/> new ones to log, or without it, the proposed ones to decide.</summary>
public sealed record StartReadout(int? Decisions) : ReportRequest;

/// <summary>The board packet of the month that <paramref name="Month"/> falls in.</summary>
public sealed record DraftBoardPacket(DateOnly Month) : ReportRequest;

/// <summary>The `/readout` and `/boardpacket` grammars: their help texts, and the parse from words to a typed request.</summary>
public static class ReportCommands
{
    public static readonly CommandArea Readout = new("readout", "the scale readout: its pack drafted from the records, its decisions logged within 24 hours",
    [
        new("", "/readout", "Draft exec_scale_readout.md, decision_log.md and next_90_plan.md from the last 13 weeks' records; they are also sent to your direct messages."),
        new("start", "/readout start [decisions:<n>]", "Start the readout meeting: you are reminded after 24 hours, and every 12 after, until its decisions are logged (n new ones, or without n, the proposed ones decided)."),
    ]) { RunsBare = true };

    public static readonly CommandArea BoardPacket = new("boardpacket", "the monthly board packet, drafted from the scoreboard, risks, incidents and decisions",
    [
        new("", "/boardpacket [YYYY-MM]", "Draft the month's packet (this month to date if none is given) as Markdown; it is also drafted on the 2nd of each month for the CEO."),
    ]) { RunsBare = true };

    public static ReportRequest ParseReadout(CommandLine line) => line.Verb switch
    {
        null => new DraftReadout(),
        "start" => new StartReadout(line.Option("decisions") is { } text ? int.TryParse(text, out var n) ? n : 0 : null),
        _ => throw new RefusedException(RefusalKind.Invalid, $"`/readout {line.Verb}` is not a readout command.\n{Readout.Help()}"),
    };

    public static DraftBoardPacket ParseBoardPacket(CommandLine line, DateTimeOffset now) =>
        new(line.Words.Count == 0 ? DateOnly.FromDateTime(now.UtcDateTime) : Month(line.Words[0]));

    private static DateOnly Month(string text) =>
        DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month) ? month
        : throw new RefusedException(RefusalKind.Invalid, $"`{text}` is not a month; write it as YYYY-MM, e.g. `/boardpacket 2026-10`.");
}
