using System.Diagnostics;
using System.Text;

namespace ExecOps.Tests.Support;

/// <summary>
/// HAProxy from Debian's packages (installed when missing) running the repository's own
/// deploy/haproxy/execops.cfg as it is, with the replicas' addresses in its environment.
/// </summary>
public sealed class Haproxy : IDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    private Haproxy(Process process, int port, int statsPort)
    {
        this.process = process;
        Port = port;
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(20) };
        Stats = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{statsPort}"), Timeout = TimeSpan.FromSeconds(5) };
    }

    public int Port { get; }

    /// <summary>A client of the bot through the proxy.</summary>
    public HttpClient Http { get; }

    private HttpClient Stats { get; }

    public string Output { get { lock (output) return output.ToString(); } }

    public static async Task<Haproxy> StartAsync(IReadOnlyList<int> replicaPorts)
    {
        var haproxy = DebianPackages.Ensure("haproxy", "/usr/sbin/haproxy");
        var config = Path.Combine(SharedExternal.RepoRoot, "deploy", "haproxy", "execops.cfg");
        var (port, statsPort) = (LoopbackPort.Free(), LoopbackPort.Free());
        var info = new ProcessStartInfo(haproxy) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-f", config, "-db" }) info.ArgumentList.Add(argument);
        info.Environment["EXECOPS_LISTEN"] = $"127.0.0.1:{port}";
        info.Environment["EXECOPS_STATS"] = $"127.0.0.1:{statsPort}";
        for (var i = 0; i < replicaPorts.Count; i++) info.Environment[$"EXECOPS_REPLICA_{i + 1}"] = $"127.0.0.1:{replicaPorts[i]}";
        var proxy = new Haproxy(Process.Start(info)!, port, statsPort);
        proxy.process.OutputDataReceived += (_, e) => { lock (proxy.output) proxy.output.AppendLine(e.Data); };
        proxy.process.ErrorDataReceived += (_, e) => { lock (proxy.output) proxy.output.AppendLine(e.Data); };
        proxy.process.BeginOutputReadLine();
        proxy.process.BeginErrorReadLine();
        await Eventually.Until(async () =>
        {
            if (proxy.process.HasExited) throw new InvalidOperationException($"HAProxy exited with {proxy.process.ExitCode}:\n{proxy.Output}");
            try { return await proxy.ServersAsync(); } catch (HttpRequestException) { return new Dictionary<string, string>(); }
        }, servers => servers.Count == replicaPorts.Count && servers.Values.All(s => s == "UP"), "HAProxy to see every replica up", TimeSpan.FromSeconds(30));
        return proxy;
    }

    /// <summary>Each backend server's state as HAProxy's health checks see it (UP, DOWN, …), from its CSV status page.</summary>
    public async Task<IReadOnlyDictionary<string, string>> ServersAsync()
    {
        var csv = await Stats.GetStringAsync("/stats;csv");
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].TrimStart('#', ' ').Split(',');
        int Column(string name) => Array.IndexOf(header, name);
        return lines.Skip(1).Select(l => l.Split(','))
            .Where(f => f[Column("pxname")] == "replicas" && f[Column("svname")] is not ("BACKEND" or "FRONTEND"))
            .ToDictionary(f => f[Column("svname")], f => f[Column("status")].Split(' ')[0]);
    }

    public void Dispose()
    {
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        process.WaitForExit();
        process.Dispose();
        Http.Dispose();
        Stats.Dispose();
    }
}
