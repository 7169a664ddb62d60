using System.Diagnostics;
using Npgsql;

namespace ExecOps.Tests.Support;

/// <summary>
/// A throwaway PostgreSQL cluster for this test run: PostgreSQL from Debian's packages (installed when
/// missing), its own data directory and port on loopback, started once on first use and stopped, with
/// its directory removed, when the test process ends however it ends. Each test gets a database of its own.
/// A server of one's own can be named instead (`Storage__ConnectionString`); the cluster is then not started.
/// </summary>
public static class PostgresServer
{
    private const string User = "execops";
    private static readonly Lazy<Task<int>> Cluster = new(() => Task.Run(Start));
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(2);

    /// <summary>
    /// A new, empty database, and the connection string the bot takes for it: on the server
    /// `Storage__ConnectionString` names when it is set (a user that may create databases), else on the run's own cluster.
    /// </summary>
    public static async Task<string> NewDatabaseAsync()
    {
        var server = Environment.GetEnvironmentVariable("Storage__ConnectionString") is { Length: > 0 } given
            ? new NpgsqlConnectionStringBuilder(given)
            : new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = await Cluster.Value, Database = "postgres", Username = User };
        var name = $"execops_{Guid.NewGuid():N}";
        await using (var admin = new NpgsqlConnection(server.ConnectionString))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
            await create.ExecuteNonQueryAsync();
        }
        server.Database = name;
        return server.ConnectionString;
    }

    /// <summary>Drops a database <see cref="NewDatabaseAsync"/> made, so a server of one's own is left as it was.</summary>
    public static async Task DropDatabaseAsync(string connectionString)
    {
        var target = new NpgsqlConnectionStringBuilder(connectionString);
        var name = target.Database;
        target.Database = "postgres";
        await using var admin = new NpgsqlConnection(target.ConnectionString);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }

    private static int Start()
    {
        var bin = Path.GetDirectoryName(DebianPackages.Ensure("postgresql", FindInitdb, "PostgreSQL's initdb"))!;
        var folder = Directory.CreateTempSubdirectory("execops-postgres-").FullName;
        var data = Path.Combine(folder, "data");
        // initdb refuses to run as root; Debian's package makes the postgres user for it.
        var asRoot = Environment.UserName == "root";
        if (asRoot) Run("chown", ["postgres:postgres", folder]);
        var port = LoopbackPort.Free();
        RunAsServer(asRoot, Path.Combine(bin, "initdb"), ["-D", data, "-U", User, "--auth=trust", "-E", "UTF8", "--no-locale", "--no-sync"]);
        RunAsServer(asRoot, Path.Combine(bin, "pg_ctl"),
            ["-D", data, "-l", Path.Combine(folder, "server.log"), "-w", "-t", "60", "start",
             "-o", $"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c max_connections=500"]);
        StopWhenTestsEnd(asRoot, bin, data, folder);
        return port;
    }

    private static string? FindInitdb() =>
        Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(v => Path.Combine(v, "bin", "initdb")).Where(File.Exists).OrderDescending().FirstOrDefault()
            : null;

    /// <summary>A watcher outside this process stops the cluster once the test process is gone, even when it was killed.</summary>
    private static void StopWhenTestsEnd(bool asRoot, string bin, string data, string folder)
    {
        var stop = $"{(asRoot ? "runuser -u postgres -- " : "")}{Path.Combine(bin, "pg_ctl")} -D {data} -m immediate stop >/dev/null 2>&1; rm -rf {folder}";
        var watcher = new ProcessStartInfo("setsid")
        {
            ArgumentList = { "bash", "-c", $"while kill -0 {Environment.ProcessId} 2>/dev/null; do sleep 1; done; {stop}" },
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        Process.Start(watcher);
    }

    private static void RunAsServer(bool asRoot, string program, string[] arguments) =>
        Run(asRoot ? "runuser" : program, asRoot ? ["-u", "postgres", "--", program, .. arguments] : arguments);

    private static void Run(string program, string[] arguments)
    {
        var (exitCode, stdout, stderr) = ChildProcess.Run(program, arguments, Path.GetTempPath(), input: [], StartTimeout);
        if (exitCode != 0)
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed (exit {exitCode}):\n{stdout}\n{stderr}");
    }
}
