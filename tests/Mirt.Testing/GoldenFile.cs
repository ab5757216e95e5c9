using System.Runtime.CompilerServices;
using System.Text;

namespace Mirt.Testing;

/// <summary>
/// A small golden-file helper (Verify is not served here): compares text with
/// <c>&lt;Class&gt;.&lt;Method&gt;.verified.txt</c> beside the test source, writes <c>*.received.txt</c> on a mismatch,
/// and accepts the received text as the new baseline when MIRT_ACCEPT_GOLDEN=1.
/// </summary>
public static class GoldenFile
{
    public const string AcceptVariable = "MIRT_ACCEPT_GOLDEN";

    public static void Verify(string actual, string name, [CallerFilePath] string sourceFile = "") =>
        VerifyIn(Path.GetDirectoryName(SourcePath(sourceFile))!, actual, name);

    // CI builds are deterministic (ContinuousIntegrationBuild), which maps source paths to "/_/"; map them back.
    private static string SourcePath(string sourceFile) =>
        sourceFile.StartsWith("/_/", StringComparison.Ordinal) ? Path.Combine(RepoPaths.Root, sourceFile[3..]) : sourceFile;

    public static void VerifyIn(string directory, string actual, string name)
    {
        var verified = Path.Combine(directory, $"{name}.verified.txt");
        var received = Path.Combine(directory, $"{name}.received.txt");
        var normalized = actual.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n') + "\n";
        var expected = File.Exists(verified) ? File.ReadAllText(verified, Encoding.UTF8).Replace("\r\n", "\n", StringComparison.Ordinal) : null;
        if (expected == normalized)
        {
            File.Delete(received);
            return;
        }

        if (Environment.GetEnvironmentVariable(AcceptVariable) == "1")
        {
            File.WriteAllText(verified, normalized, new UTF8Encoding(false));
            File.Delete(received);
            return;
        }

        File.WriteAllText(received, normalized, new UTF8Encoding(false));
        throw new Xunit.Sdk.XunitException(
            expected is null
                ? $"No baseline {Path.GetFileName(verified)} exists. Review {received}, then run with {AcceptVariable}=1 to accept it."
                : $"{Path.GetFileName(verified)} differs from what the test produced.\n{FirstDifference(expected, normalized)}\nReview: diff {verified} {received}\nAccept: {AcceptVariable}=1 bash scripts/test");
    }

    private static string FirstDifference(string expected, string actual)
    {
        var a = expected.Split('\n');
        var b = actual.Split('\n');
        for (var i = 0; i < Math.Max(a.Length, b.Length); i++)
        {
            var x = i < a.Length ? a[i] : "<missing>";
            var y = i < b.Length ? b[i] : "<missing>";
            if (x != y)
            {
                return $"line {i + 1}:\n- {x}\n+ {y}";
            }
        }

        return "(only line endings differ)";
    }
}
