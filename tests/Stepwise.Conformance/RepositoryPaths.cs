namespace Stepwise.Conformance;

/// <summary>Locates the repository and the <c>shared/</c> folder beside it, wherever the tests run from.</summary>
internal static class RepositoryPaths
{
    private static readonly Lazy<string> s_root = new(FindRoot);

    /// <summary>The repository root: the nearest folder above the test binaries that holds <c>Stepwise.slnx</c>.</summary>
    public static string Root => s_root.Value;

    /// <summary><c>../shared</c> from the repository root (STEPWISE_SHARED overrides it).</summary>
    public static string Shared => Environment.GetEnvironmentVariable("STEPWISE_SHARED") is { Length: > 0 } shared
        ? shared
        : Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    /// <summary>Where suites write their pass-count summaries; the test script prints them after the run.</summary>
    public static string Reports => Path.Combine(Root, "artifacts", "conformance");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Stepwise.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Stepwise.slnx above {AppContext.BaseDirectory}.");
    }
}
