using System.Diagnostics;

namespace Mirt.Testing.Postgres;

/// <summary>Runs the PostgreSQL and PgBouncer programs, as the <c>postgres</c> user when this process runs as root
/// (both refuse to run as root).</summary>
public static class OsCommand
{
    /// <summary>The unprivileged account servers run as when tests run as root.</summary>
    public const string ServiceUser = "postgres";

    /// <summary>Gets whether this process runs as root.</summary>
    public static bool IsRoot { get; } = string.Equals(Environment.UserName, "root", StringComparison.Ordinal);

    /// <summary>Gets the folder that holds the servers' temporary folders: <c>/tmp</c> when root (root's own TMPDIR may
    /// be closed to the service user), the user's temporary folder otherwise.</summary>
    public static string TempRoot { get; } = IsRoot && Directory.Exists("/tmp") ? "/tmp" : Path.GetTempPath();

    /// <summary>Runs a program to completion (as <see cref="ServiceUser"/> when root) and returns its output.</summary>
    /// <param name="program">The program's full path.</param>
    /// <param name="arguments">Its arguments.</param>
    /// <param name="workingDirectory">A folder the service user may enter.</param>
    /// <param name="timeout">How long to wait before killing it.</param>
    /// <returns>The exit code and the combined standard output and error.</returns>
    public static async Task<(int ExitCode, string Output)> RunAsServiceAsync(string program, IEnumerable<string> arguments, string workingDirectory, TimeSpan timeout)
    {
        var start = ServiceStartInfo(program, arguments, workingDirectory);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{System.IO.Path.GetFileName(program)} did not finish within {timeout.TotalSeconds:F0} s.");
        }

        return (process.ExitCode, (await stdout) + (await stderr));
    }

    /// <summary>Builds the start info for a program run as <see cref="ServiceUser"/> when this process is root.</summary>
    /// <param name="program">The program's full path.</param>
    /// <param name="arguments">Its arguments.</param>
    /// <param name="workingDirectory">A folder the service user may enter.</param>
    /// <returns>The start info; the caller sets redirection.</returns>
    public static ProcessStartInfo ServiceStartInfo(string program, IEnumerable<string> arguments, string workingDirectory)
    {
        var start = new ProcessStartInfo { UseShellExecute = false, WorkingDirectory = workingDirectory };
        if (IsRoot)
        {
            start.FileName = "runuser";
            start.ArgumentList.Add("-u");
            start.ArgumentList.Add(ServiceUser);
            start.ArgumentList.Add("--");
            start.ArgumentList.Add(program);
        }
        else
        {
            start.FileName = program;
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Keep the service from reading root's locale or home; PostgreSQL falls back to the C locale.
        start.Environment["HOME"] = workingDirectory;
        start.Environment.Remove("PGDATA");
        start.Environment.Remove("PGPORT");
        start.Environment.Remove("PGHOST");
        return start;
    }

    /// <summary>Hands a folder to <see cref="ServiceUser"/> when this process is root (no-op otherwise).</summary>
    /// <param name="directory">The folder; changed recursively.</param>
    public static void GiveToService(string directory)
    {
        if (!IsRoot)
        {
            return;
        }

        using var chown = Process.Start(new ProcessStartInfo("chown", ["-R", $"{ServiceUser}:{ServiceUser}", directory]) { UseShellExecute = false })!;
        chown.WaitForExit();
        if (chown.ExitCode != 0)
        {
            throw new InvalidOperationException($"chown of {directory} to {ServiceUser} failed with exit code {chown.ExitCode}; does the '{ServiceUser}' user exist?");
        }
    }
}
