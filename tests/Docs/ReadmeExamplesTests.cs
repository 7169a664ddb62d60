using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ExecOps.Tests.Support;
using ExecOps.Workflows.Storage;
using Microsoft.Data.Sqlite;

namespace ExecOps.Tests.Docs;

/// <summary>
/// Every runnable example in the README, run as written against the real binary on the real clock:
/// the Sev1 walk-through row by row, the slash-command blocks as the person their comment names, and
/// the curl blocks through bash (with `curl -f`, so an error status fails them). An example that
/// rots fails here; so does a date in one once it has passed.
/// </summary>
public sealed partial class ReadmeExamplesTests : IDisposable
{
    private const string MetricsToken = "readme-metrics-token";
    private const string TimelineToken = "readme-timeline-token";
    private static readonly string Readme = SharedExternal.RepoFile("README.md");
    private readonly TempDatabase database = new();
    private readonly BotProcess bot;

    public ReadmeExamplesTests() => bot = new BotProcess(database.Path, new Dictionary<string, string>
    {
        ["Metrics__Token"] = MetricsToken,
        ["TimelineEvents__Token"] = TimelineToken,
    });

    [Fact]
    public async Task The_Sev1_walkthrough_runs_as_written()
    {
        await bot.StartAsync();
        var section = Readme[Readme.IndexOf("## A Sev1 from declare to close", StringComparison.Ordinal)..];
        var rows = section[..section.IndexOf("\n\n`", StringComparison.Ordinal)].Split('\n').Where(l => l.StartsWith("| ") && !l.StartsWith("| who") && !l.StartsWith("| ---")).ToList();
        rows.Should().HaveCountGreaterThan(10);
        JsonObject? card = null;
        foreach (var row in rows)
        {
            var cells = row.Split(" | ").Select(c => c.Trim(' ', '|')).ToArray();
            var (who, action, expected) = (cells[0], cells[1], cells[2]);
            var spans = CodeSpans(action);
            if (who == "CI pipeline")
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, spans[0].Split(' ')[1]) { Content = new StringContent(spans[1], Encoding.UTF8, "application/json") };
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TimelineToken);
                var response = await bot.Http.SendAsync(request);
                response.IsSuccessStatusCode.Should().BeTrue(row);
                (await response.Content.ReadAsStringAsync()).Should().Contain("INC-1", row);
                continue;
            }
            var person = who.ToLowerInvariant();
            if (action.StartsWith("presses **", StringComparison.Ordinal))
            {
                var (verb, data) = CardJson.Titled(card!, action.Split("**")[1]);
                card = (await bot.Playground.ActionAsync(person, "walkthrough", verb, data)).First().Card ?? card;
                await LastOutcomeShouldBeAsync(person, AuditRows.Allowed, row);
                continue;
            }
            var reply = (await bot.Playground.CommandAsync(person, spans.Single())).First();
            card = reply.Card ?? card;
            if (expected.StartsWith("Refused:", StringComparison.Ordinal))
            {
                reply.Text.Should().Contain(expected.Split('*')[1].TrimEnd('.'), row);
                await LastOutcomeShouldBeAsync(person, AuditRows.Refused, row);
                continue;
            }
            await LastOutcomeShouldBeAsync(person, AuditRows.Allowed, row);
            foreach (var then in CodeSpans(expected).Where(s => s.StartsWith('/')))
            {
                (await bot.Playground.CommandAsync(person, then)).First().Text.Should().Contain("declared", $"{then}, as the walk-through says");
                await LastOutcomeShouldBeAsync(person, AuditRows.Allowed, then);
            }
        }
    }

    [Fact]
    public async Task Each_slash_command_block_runs_as_the_person_it_names()
    {
        await bot.StartAsync();
        var blocks = AsPersonBlock().Matches(Readme);
        blocks.Should().NotBeEmpty();
        foreach (Match block in blocks)
        {
            var person = block.Groups["who"].Value;
            foreach (var command in block.Groups["body"].Value.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                await bot.Playground.CommandAsync(person, command);
                await LastOutcomeShouldBeAsync(person, AuditRows.Allowed, command);
            }
        }
    }

    [Fact]
    public async Task Each_curl_block_runs_through_bash_and_answers_what_it_shows()
    {
        await bot.StartAsync();
        var blocks = BashBlock().Matches(Readme).Select(m => m.Groups["body"].Value).Where(b => b.Contains("curl ")).ToList();
        blocks.Should().HaveCountGreaterThanOrEqualTo(2);
        foreach (var block in blocks)
        {
            var script = "set -euo pipefail\ncurl() { command curl -sS -f \"$@\"; echo; }\n" + block.Replace("127.0.0.1:5180", $"127.0.0.1:{bot.Port}");
            var (code, output) = await BashAsync(script);
            code.Should().Be(0, $"the block ran as written:\n{block}\n{output}");
            foreach (var shown in block.Split('\n').Where(l => l.StartsWith("# {") || l.StartsWith("# [")).Select(l => l[2..]).Where(l => !l.Contains('…')))
                output.Should().Contain(shown, "the README shows this answer");
        }
    }

    [Fact]
    public void The_health_example_shows_the_schema_this_build_migrates_to_and_no_example_date_has_passed()
    {
        Readme.Should().Contain($"\"schemaVersion\":{Migrations.Latest},");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        foreach (Match block in AsPersonBlock().Matches(Readme))
            foreach (Match date in IsoDate().Matches(block.Groups["body"].Value))
                DateOnly.Parse(date.Value, System.Globalization.CultureInfo.InvariantCulture).Should().BeAfter(today, "an example's planned date must still be ahead; move it on");
    }

    private async Task LastOutcomeShouldBeAsync(string person, string outcome, string because)
    {
        await using var connection = new SqliteConnection($"Data Source={database.Path};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT outcome || ' ' || action || ' ' || detail FROM audit WHERE actor = $actor ORDER BY seq DESC LIMIT 1";
        command.Parameters.AddWithValue("$actor", person);
        ((string?)await command.ExecuteScalarAsync()).Should().StartWith(outcome + " ", because);
    }

    private static List<string> CodeSpans(string text) => CodeSpan().Matches(text).Select(m => m.Groups[1].Value).ToList();

    private async Task<(int Code, string Output)> BashAsync(string script)
    {
        DebianPackages.Ensure("curl", "/usr/bin/curl");
        var info = new ProcessStartInfo("bash", ["-c", script]) { RedirectStandardOutput = true, RedirectStandardError = true };
        info.Environment["TOKEN"] = MetricsToken;
        info.Environment["PLAYGROUND"] = BotFactory.PlaygroundToken;
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }

    public void Dispose()
    {
        bot.Dispose();
        database.Dispose();
    }

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex CodeSpan();

    [GeneratedRegex(@"<!-- as (?<who>[a-z]+) -->\n```\n(?<body>.*?)```", RegexOptions.Singleline)]
    private static partial Regex AsPersonBlock();

    [GeneratedRegex(@"```bash\n(?<body>.*?)```", RegexOptions.Singleline)]
    private static partial Regex BashBlock();

    [GeneratedRegex(@"\b20[0-9]{2}-[01][0-9]-[0-3][0-9]\b")]
    private static partial Regex IsoDate();
}
