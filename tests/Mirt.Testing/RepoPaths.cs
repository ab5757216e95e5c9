namespace Mirt.Testing;

/// <summary>Finds folders of the repository from a test's working directory.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Prompts => Path.Combine(Root, "prompts");

    public static string Src => Path.Combine(Root, "src");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Mirt.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Mirt.sln was not found above the test's directory.");
    }
}
