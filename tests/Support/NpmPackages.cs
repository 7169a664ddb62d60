namespace ExecOps.Tests.Support;

/// <summary>The npm packages of a tests folder with its own package-lock.json (tests/schema, tests/chromium), installed on first use.</summary>
public static class NpmPackages
{
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(5);

    /// <summary>Runs `npm ci` in <paramref name="folder"/> unless its install is current; answers the folder.</summary>
    public static string InstalledIn(string folder)
    {
        if (InstallIsCurrent(folder))
        {
            return folder;
        }

        using (ChildProcess.InstallLock(folder, InstallTimeout))
        {
            if (!InstallIsCurrent(folder))
            {
                var (exitCode, stdout, stderr) = ChildProcess.Run(
                    "npm", ["ci", "--no-audit", "--no-fund"], folder, input: [], InstallTimeout);
                if (exitCode != 0)
                {
                    throw new InvalidOperationException(
                        $"npm ci failed (exit {exitCode}) in {folder}:\n{stdout}\n{stderr}");
                }
            }
        }

        return folder;
    }

    // npm writes node_modules/.package-lock.json last, so its presence means a finished
    // install, and being newer than package-lock.json means the lock was not bumped since.
    private static bool InstallIsCurrent(string folder)
    {
        var installed = new FileInfo(Path.Combine(folder, "node_modules", ".package-lock.json"));
        var locked = new FileInfo(Path.Combine(folder, "package-lock.json"));
        return installed.Exists && installed.LastWriteTimeUtc >= locked.LastWriteTimeUtc;
    }
}
