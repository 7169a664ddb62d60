using System.Diagnostics;
using System.Text;

namespace ExecOps.Tests.Support;

/// <summary>
/// The bot as a separate OS process, started from its own build output, so a test can kill it the
/// way an operator or the kernel would (SIGKILL) and start it again on the same SQLite file.
/// </summary>
public sealed class BotProcess : IDisposable
{
    private readonly Dictionary<string, string> environment;
    private readonly StringBuilder output = new();
    private Process? process;

    /// <param name="listenOn">The address Kestrel binds (0.0.0.0 for every interface); the test always talks to it on loopback.</param>
    public BotProcess(string databasePath, IDictionary<string, string>? settings = null, string listenOn = "127.0.0.1")
    {
        Port = LoopbackPort.Free();
        environment = new Dictionary<string, string>
        {
            ["Urls"] = $"http://{listenOn}:{Port}",
            ["ScoreboardPage__PublicUrl"] = $"http://127.0.0.1:{Port}",
            ["Storage__Path"] = databasePath,
            ["Scheduler__IdleWait"] = "00:00:01",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Playground__Token"] = BotFactory.PlaygroundToken,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) environment[key] = value;
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{Port}"), Timeout = TimeSpan.FromSeconds(20) };
        Http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", BotFactory.PlaygroundToken);
    }

    public int Port { get; }
    public HttpClient Http { get; }
    public PlaygroundClient Playground => new(Http);
    public string Output { get { lock (output) return output.ToString(); } }

    public async Task StartAsync()
    {
        var info = new ProcessStartInfo("dotnet", $"\"{BotAssembly()}\"")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(BotAssembly())!,
        };
        foreach (var (key, value) in environment) info.Environment[key] = value;
        process = Process.Start(info)!;
        process.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await Eventually.Until(async () =>
        {
            if (process.HasExited) throw new InvalidOperationException($"The bot exited with {process.ExitCode}:\n{Output}");
            try { return (await Http.GetAsync("/healthz")).IsSuccessStatusCode; } catch (HttpRequestException) { return false; }
        }, up => up, "the bot to answer /healthz", TimeSpan.FromSeconds(60));
    }

    /// <summary>SIGKILL: no shutdown hooks, no flushing, exactly as a crash.</summary>
    public void Kill()
    {
        process?.Kill(entireProcessTree: true);
        process?.WaitForExit();
        process = null;
    }

    public void Dispose()
    {
        Kill();
        Http.Dispose();
    }

    /// <summary>The bot's own build output beside this test build, same configuration.</summary>
    private static string BotAssembly()
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";
        var path = Path.Combine(SharedExternal.RepoRoot, "bot", "bin", configuration, "net10.0", "ExecOps.Bot.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("Build the bot first: the restart tests run its own output.", path);
    }
}
