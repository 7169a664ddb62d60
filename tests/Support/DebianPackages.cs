namespace ExecOps.Tests.Support;

/// <summary>
/// A program some tests run (Chromium, curl), installed from Debian's packages with apt-get when it is
/// missing, so that a fresh machine needs no manual step. A machine's package lists may be missing or
/// old, so a failed install is tried again after an update.
/// </summary>
public static class DebianPackages
{
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(10);

    /// <returns><paramref name="executable"/>, once it exists.</returns>
    public static string Ensure(string package, string executable) => Ensure(package, () => File.Exists(executable) ? executable : null, executable);

    /// <summary>For a program whose path the package decides (PostgreSQL's binaries sit under its major version).</summary>
    /// <returns>What <paramref name="find"/> answers, once it answers.</returns>
    public static string Ensure(string package, Func<string?> find, string wanted)
    {
        if (find() is { } found) return found;
        using (ChildProcess.InstallLock(package, InstallTimeout))
        {
            if (find() is null && AptGet("install", "-y", "-qq", package).ExitCode != 0)
            {
                AptGet("update", "-qq");
                var (exitCode, stdout, stderr) = AptGet("install", "-y", "-qq", package);
                if (exitCode != 0)
                    throw new InvalidOperationException($"These tests need {wanted}, but `apt-get install {package}` failed (exit {exitCode}):\n{stdout}\n{stderr}");
            }
        }
        return find() ?? throw new InvalidOperationException($"`apt-get install {package}` succeeded, but {wanted} is still missing.");
    }

    private static (int ExitCode, string Stdout, string Stderr) AptGet(params string[] arguments) =>
        ChildProcess.Run("apt-get", arguments, Path.GetTempPath(), input: [], InstallTimeout,
            new Dictionary<string, string> { ["DEBIAN_FRONTEND"] = "noninteractive" });
}
