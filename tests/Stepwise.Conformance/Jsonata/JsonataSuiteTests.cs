namespace Stepwise.Conformance.Jsonata;

/// <summary>
/// The official jsonata-js test suite (1,686 cases, JSONata 2.2.2), one theory row per case. Known failures are pinned
/// in <c>jsonata-exclusions.json</c> with a reason each; a pinned case that starts passing fails. Failures of a run are
/// listed in artifacts/conformance/jsonata.failures.json for triage.
/// </summary>
public sealed class JsonataSuiteTests(JsonataTally tally) : IClassFixture<JsonataTally>
{
    private static readonly Exclusions s_exclusions = Exclusions.Load("jsonata-exclusions.json");

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
        tally.Record(testCase.Group, caseId, failure);
        s_exclusions.AssertPinned(caseId, failure);
    }
}
