using Stepwise.Json;

namespace Stepwise.Conformance;

/// <summary>
/// The pinned set of known failures of one corpus: a JSON object mapping case id to the reason it fails. A listed case
/// must fail (one that starts passing fails the run, so the list cannot rot); an unlisted case must pass.
/// </summary>
internal sealed class Exclusions
{
    private readonly Dictionary<string, string> _reasons;

    private Exclusions(Dictionary<string, string> reasons) => _reasons = reasons;

    public static Exclusions Load(string fileName)
    {
        string path = Path.Combine(RepositoryPaths.Root, "tests", "Stepwise.Conformance", fileName);
        var reasons = new Dictionary<string, string>(StringComparer.Ordinal);
        if (File.Exists(path))
        {
            foreach (var (id, reason) in JsonValue.Parse(File.ReadAllText(path)).AsObject())
            {
                reasons[id] = reason.AsString();
            }
        }

        return new Exclusions(reasons);
    }

    public bool TryGetReason(string caseId, out string reason) => _reasons.TryGetValue(caseId, out reason!);

    /// <summary>Asserts the pinned outcome of one case. <paramref name="failure"/> is null when the case passed.</summary>
    public void AssertPinned(string caseId, string? failure)
    {
        if (TryGetReason(caseId, out string reason))
        {
            Assert.True(failure is not null, $"{caseId} is listed as a known failure ({reason}) but now passes: remove it from the exclusions file.");
        }
        else
        {
            Assert.True(failure is null, $"{caseId} failed: {failure}");
        }
    }
}
