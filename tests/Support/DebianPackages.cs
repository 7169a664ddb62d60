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
    public static string Ensure(string package, string executable)
    {
        if (File.Exists(executable)) return executable;
        using (ChildProcess.InstallLock(package, InstallTimeout))
        {
            if (!File.Exists(executable) && AptGet("install", "-y", "-qq", package).ExitCode != 0)
            {
                AptGet("update", "-qq");
                var (exitCode, stdout, stderr) = AptGet("install", "-y", "-qq", package);
                if (exitCode != 0)
                    throw new InvalidOperationException($"These tests need {executable}, but `apt-get install {package}` failed (exit {exitCode}):\n{stdout}\n{stderr}");
            }
        }
        return executable;
    }

    private static (int ExitCode, string Stdout, string Stderr) AptGet(params string[] arguments) =>
        ChildProcess.Run("apt-get", arguments, Path.GetTempPath(), input: [], InstallTimeout,
            new Dictionary<string, string> { ["DEBIAN_FRONTEND"] = "noninteractive" });
}
