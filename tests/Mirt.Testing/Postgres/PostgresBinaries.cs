namespace Mirt.Testing.Postgres;

/// <summary>Finds the PostgreSQL server programs (<c>initdb</c>, <c>pg_ctl</c>, <c>postgres</c>) and PgBouncer on this machine.</summary>
/// <remarks>Debian keeps the server programs in <c>/usr/lib/postgresql/&lt;major&gt;/bin</c> and puts only wrappers on the
/// PATH, so that folder (newest major first) is searched before the PATH.</remarks>
public static class PostgresBinaries
{
    private static readonly Lazy<string?> ServerDirectory = new(FindServerDirectory);

    /// <summary>Gets the folder that holds <c>initdb</c> and <c>pg_ctl</c>, or <see langword="null"/> when PostgreSQL is not installed.</summary>
    public static string? Directory => ServerDirectory.Value;

    /// <summary>Gets the full path of a server program.</summary>
    /// <param name="program">The program name, for example <c>pg_ctl</c>.</param>
    /// <returns>The path.</returns>
    /// <exception cref="InvalidOperationException">PostgreSQL is not installed.</exception>
    public static string Path(string program) =>
        System.IO.Path.Combine(
            Directory ?? throw new InvalidOperationException(
                "PostgreSQL server programs (initdb, pg_ctl) were not found in /usr/lib/postgresql/*/bin nor on the PATH; install them (apt-get install postgresql) or set MIRT_TEST_POSTGRES to a server connection string."),
            program);

    /// <summary>Finds the <c>pgbouncer</c> program.</summary>
    /// <returns>Its path, or <see langword="null"/> when PgBouncer is not installed.</returns>
    public static string? FindPgBouncer() =>
        new[] { "/usr/sbin/pgbouncer", "/usr/bin/pgbouncer", "/usr/local/bin/pgbouncer" }.Concat(OnPath("pgbouncer")).FirstOrDefault(File.Exists);

    private static string? FindServerDirectory()
    {
        var debian = System.IO.Directory.Exists("/usr/lib/postgresql")
            ? System.IO.Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => (Dir: System.IO.Path.Combine(d, "bin"), Major: int.TryParse(System.IO.Path.GetFileName(d), out var major) ? major : 0))
                .OrderByDescending(d => d.Major)
                .Select(d => d.Dir)
            : [];
        var onPath = OnPath("pg_ctl").Select(p => System.IO.Path.GetDirectoryName(ResolveLink(p))!);
        return debian.Concat(onPath).FirstOrDefault(d => File.Exists(System.IO.Path.Combine(d, "initdb")) && File.Exists(System.IO.Path.Combine(d, "pg_ctl")));
    }

    private static IEnumerable<string> OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => System.IO.Path.Combine(dir, program))
            .Where(File.Exists);

    private static string ResolveLink(string path) =>
        new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? path;
}
