using System.Collections.Concurrent;
using Stepwise.Json;

namespace Stepwise.Conformance.Jsonata;

/// <summary>
/// The official jsonata-js test suite (1,686 cases, JSONata 2.2.2), one theory row per case. Known failures are pinned
/// in <c>jsonata-exclusions.json</c> with a reason each; a pinned case that starts passing fails.
/// </summary>
public sealed class JsonataSuiteTests(JsonataTally tally) : IClassFixture<JsonataTally>
{
    private static readonly Exclusions s_exclusions = Exclusions.Load("jsonata-exclusions.json");
    private static readonly ConcurrentDictionary<string, string> s_failures = new(StringComparer.Ordinal);

    static JsonataSuiteTests()
    {
        // The failures file describes this run only.
        File.Delete(Path.Combine(RepositoryPaths.Reports, "jsonata-failures.json"));
    }

    public static TheoryData<string> CaseIds()
    {
        var data = new TheoryData<string>();
        foreach (string id in JsonataCorpus.Cases.Keys)
        {
            data.Add(id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CaseIds))]
    public void Case_behaves_as_in_jsonata_js(string caseId)
    {
        var testCase = JsonataCorpus.Cases[caseId];
        string? failure = JsonataRunner.Run(testCase);
        tally.Record(testCase.Group, failure is null);
        if (failure is not null)
        {
            s_failures[caseId] = failure;
            WriteFailures();
        }

        s_exclusions.AssertPinned(caseId, failure);
    }

    /// <summary>Keeps the current failures on disk (artifacts/conformance/jsonata-failures.json) for triage.</summary>
    private static void WriteFailures()
    {
        lock (s_failures)
        {
            var builder = new JsonObjectBuilder();
            foreach (var (id, failure) in s_failures.OrderBy(f => f.Key, StringComparer.Ordinal))
            {
                builder.Set(id, failure);
            }

            Directory.CreateDirectory(RepositoryPaths.Reports);
            File.WriteAllText(Path.Combine(RepositoryPaths.Reports, "jsonata-failures.json"), builder.ToObject().ToIndentedJsonString());
        }
    }
}
