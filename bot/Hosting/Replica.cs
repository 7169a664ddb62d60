namespace ExecOps.Bot.Hosting;

/// <summary>
/// This bot process among the replicas that share a database: the name its leases and claims are held
/// under. `Replica:Name`, or the host's name and the process id, which no other live process has.
/// </summary>
public sealed class Replica(string name)
{
    public string Name { get; } = name;

    public static Replica From(IConfiguration configuration) =>
        configuration["Replica:Name"] is { Length: > 0 } name ? new(name) : ThisProcess;

    public static Replica ThisProcess { get; } = new($"{Environment.MachineName}-{Environment.ProcessId}");
}
