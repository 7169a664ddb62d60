namespace ExecOps.Tests.Fuzz;

/// <summary>
/// Commands a person might type that the bot must refuse with what was wrong, changing nothing:
/// overflows, absurd dates and amounts, references to nothing. Every one once broke or was taken.
/// Typed by the CEO (every role), so that a refusal is about the value and not about authority.
/// </summary>
public static class BadCommands
{
    public const string As = "ceo";

    private const string Risk = "category:financial p:30% customers:\"all\" owner:@alice sponsor:@dana";
    private const string Decision = "verdict:expand owner:@alice approver:@dana";
    private const string Change = "scope:\"x\" rollback:\"y\" metrics:\"p95_latency_ms<=300\" owner:@alice";
    private static readonly string Long = new('x', 5000);

    public static IReadOnlyList<string> All { get; } =
    [
        $"/risk add \"Overflow\" {Risk} impact:$79228162514264337593543950335b",
        $"/risk add \"Too large\" {Risk} impact:$999999999999999999999",
        $"/risk add \"Negative\" {Risk} impact:$-5k",
        $"/risk add \"Past review\" {Risk} impact:$250k review:1999-01-01",
        $"/risk add \"Far review\" {Risk} impact:$250k review:9999-12-31",
        $"/risk add \"{Long}\" {Risk} impact:$250k",
        "/risk add \"Odds\" category:financial p:300% impact:$250k customers:\"all\" owner:@alice sponsor:@dana",
        "/risk mitigate RISK-1 \"m\" owner:@alice due:9999-12-31",
        "/risk mitigate RISK-1 \"m\" owner:@alice due:1999-01-01",
        $"/risk mitigate RISK-1 \"{Long}\" owner:@alice due:2026-12-20",
        "/risk close RISK-1 review:2020-01-01",
        "/risk done RISK-1 1 evidence:INC-999",
        "/risk done RISK-1 1 evidence:CHG-999",
        "/risk done RISK-1 1 evidence:DEC-2026-01-01-99",
        "/risk link RISK-1 evidence:INC-999",
        "/risk update RISK-1 impact:$79228162514264337593543950335b",
        "/risk update RISK-1 p:-5%",
        "/risk accept RISK-1 until:1999-01-01 reason:\"later\"",
        "/risk mitigate RISK-99999999999999999999 \"m\" owner:@alice due:2026-12-20",
        $"/decision new \"Overflow\" {Decision} budget:$79228162514264337593543950335b",
        $"/decision new \"Too large\" {Decision} budget:$999999999999999999999",
        $"/decision new \"Past revisit\" {Decision} budget:$300k revisit:1999-01-01",
        $"/decision new \"Far milestone\" {Decision} budget:$300k milestones:\"launch=9999-12-31\"",
        $"/decision new \"{Long}\" {Decision} budget:$300k",
        "/boardpacket 0001-01",
        "/boardpacket 1999-01",
        "/boardpacket 9999-12",
        "/boardpacket 2026-13",
        "/kpi import\nkpi,period,value\nuptime,9999-12-31,99.9",
        "/kpi import\nkpi,period,value\nuptime,1900-01-01,99.9",
        "/kpi import\nkpi,period,value\nuptime,2026-W47,-500",
        "/kpi import\nkpi,period,value\nuptime,2026-W47,1e400",
        $"/change new tier:2 service:payments \"Old window\" {Change} window:1999-01-01T00:00..1999-01-01T01:00",
        $"/change new tier:2 service:payments \"{Long}\" {Change}",
        "/change stats weeks:99999999999",
        "/change stats weeks:0",
        $"/incident declare sev1 \"{Long}\"",
        "/incident declare sev99999999999 \"Overflow\"",
        "/incident sev 99999999999",
        "/incident trends 0001-01",
        "/incident trends 9999-99",
        "/breakglass service:payments reason:\"x\" duration:999h",
        "/readout start decisions:99999999999",
        "/scoreboard complete week:9999-W99",
        "/scoreboard complete week:0001-W01",
        "/tasks done TASK-99999999999999999999",
        $"/breakglass service:payments reason:\"{Long}\" duration:1h",
        $"/risk accept RISK-1 until:2026-12-01 reason:\"{Long}\"",
        $"/risk link RISK-1 indicators:\"{Long}\"",
        $"/decision new \"Long evidence\" {Decision} budget:$300k evidence:\"{Long}\"",
        $"/kpi propose uptime target:99.95 green:99.9 yellow:99.5 definition:\"{Long}\" impact:\"x\" validation:\"x\" migration:\"x\" effective:2026-12-01",
        "/kpi propose uptime target:99.95 green:99.9 yellow:99.5 definition:\"x\" impact:\"x\" validation:\"x\" migration:\"x\" effective:9999-12-31",
        $"/change drill record service:payments result:passed time:5m notes:\"{Long}\"",
        "/change drill record service:payments result:passed time:99999999999m notes:\"x\"",
        "/risk accept RISK-1 until:9999-12-31 reason:\"later\"",
        "/audit export since:2026-13-45",
        "/audit frobnicate",
        "/compliance evidence CTRL-99999999999999999999 https://x.example.com",
        $"/compliance evidence CTRL-3 \"{Long[..3000]}\"",
        "/compliance evidence CTRL-6 kind:restore-test",
        "/compliance exception CTRL-4 until:9999-12-31 compensating:\"x\" reason:\"y\"",
        "/compliance exception CTRL-4 until:1999-01-01 compensating:\"x\" reason:\"y\"",
        $"/compliance exception CTRL-4 until:2026-12-20 compensating:\"{Long[..3000]}\" reason:\"y\"",
        "/compliance confirm CTRL-3",
        "/compliance finding CTRL-3 \"x\" quarter:2026-Q9",
        "/compliance pack PCI DSS 4.0",
        "/compliance vendor add \"Acme\" region:eu data:personal dpa:no review:9999-12-31",
        $"/compliance vendor add \"{Long[..3000]}\" region:eu data:personal dpa:no review:2027-01-01",
        "/compliance vendor add \"Acme\" region:eu data:secret dpa:no review:2027-01-01",
        "/compliance vendor review VEN-99999999999999999999 next:2027-01-01 notes:\"x\"",
        "/contract upcoming days:99999999999",
        "/contract show CON-99999999999999999999",
        "/contract amend CON-99999999999999999999 tier:gold",
        "/contract import\nreference,customer\nMSA-1,ACME",
        "/contract import\nreference,customer,tier,start,end,notice_days,owner,services,promise,value\nMSA-1,ACME,gold,2026-01-01,2027-12-31,90,dana,payments,uptime,99.9",
        "/contract import\nreference,customer,tier,start,end,notice_days,owner,services,promise,value,enforced_by\nMSA-1,ACME,gold,2026-01-01,9999-12-31,99999999999,dana,payments,uptime,1e400,kpi:uptime",
        "/contract import\nreference,customer,colour\nMSA-1,ACME,red",
        "/incident notified INC-99999999999999999999 ACME",
        "/spend days:99999999999",
        "/spend days:-1",
        "/spend frobnicate",
    ];
}
