using System.Text.Json;

namespace ExecOps.Tests.Support;

/// <summary>
/// Headless Chromium driven by playwright-core from tests/chromium, for looking at the bot's pages as a
/// person does. The browser is Debian's package, installed with apt-get when missing: Playwright's own
/// browser downloads are not reachable from these machines.
/// </summary>
public static class Chromium
{
    public const string Executable = "/usr/bin/chromium";

    private static readonly TimeSpan VisitTimeout = TimeSpan.FromMinutes(2);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static readonly Lazy<string> Browser = new(() => DebianPackages.Ensure("chromium", Executable));
    private static readonly Lazy<string> ScriptFolder = new(() => NpmPackages.InstalledIn(Path.Combine(SharedExternal.RepoRoot, "tests", "chromium")));

    /// <summary>Runs <paramref name="script"/> of tests/chromium with <paramref name="visit"/> as JSON on its stdin; answers its JSON report.</summary>
    public static T Visit<T>(string script, object visit)
    {
        var (exitCode, stdout, stderr) = ChildProcess.Run(
            "node", [script, Browser.Value], ScriptFolder.Value, JsonSerializer.SerializeToUtf8Bytes(visit, Json), VisitTimeout);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"{script} failed (exit {exitCode}):\n{stderr}");
        }

        return JsonSerializer.Deserialize<T>(stdout, Json)
            ?? throw new InvalidOperationException($"{script} printed no report:\n{stdout}");
    }
}
