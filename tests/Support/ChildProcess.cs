using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;

namespace ExecOps.Tests.Support;

/// <summary>The programs tests run and wait for (node, npm, apt-get): every pipe served, a deadline, and one install at a time.</summary>
public static class ChildProcess
{
    public static (int ExitCode, string Stdout, string Stderr) Run(
        string program, IEnumerable<string> arguments, string workingDirectory, byte[] input, TimeSpan timeout,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var startInfo = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            startInfo.Environment[key] = value;
        }

        using var process = Process.Start(startInfo)
            ?? throw new InvalidOperationException($"Could not start {program}.");

        // All three pipes are served concurrently: a child blocked writing a full
        // stdout pipe would otherwise never read the rest of its stdin.
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        var feed = Task.Run(() =>
        {
            try
            {
                using var stdin = process.StandardInput.BaseStream;
                stdin.Write(input);
            }
            catch (IOException)
            {
                // The child quit before reading all its input (e.g. validate.mjs with a schema
                // that did not compile); its exit code and stderr are what explain the failure.
            }
        });

        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException(
                $"{program} {string.Join(' ', startInfo.ArgumentList)} did not finish within {timeout.TotalSeconds} s.");
        }

        feed.Wait();
        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>
    /// Held while installing <paramref name="what"/>, so that test processes running at once (e.g. several
    /// test projects) do not install it twice over each other: two `npm ci` runs delete each other's node_modules.
    /// </summary>
    public static FileStream InstallLock(string what, TimeSpan timeout)
    {
        // The lock lives in the temp folder so it never shows up in the work tree.
        var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(what)))[..16];
        var lockPath = Path.Combine(Path.GetTempPath(), $"execops-install-{key}.lock");
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(TimeSpan.FromMilliseconds(200));
            }
        }
    }
}
