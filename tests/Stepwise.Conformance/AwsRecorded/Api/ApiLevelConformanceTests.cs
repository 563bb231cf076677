namespace Stepwise.Conformance.AwsRecorded.Api;

/// <summary>
/// Every API-level case of the AWS-recorded corpus (kinds api_error, test_state and validate_definition) replayed as raw
/// AWS JSON 1.0 against a live server and compared with AWS's recorded answer. Known failures are pinned in
/// api-exclusions.json.
/// </summary>
public sealed class ApiLevelConformanceTests(ApiLevelTally tally, SharedApiServer server)
    : IClassFixture<ApiLevelTally>, IClassFixture<SharedApiServer>
{
    private static readonly Exclusions s_exclusions = Exclusions.Load("api-exclusions.json");

    public static TheoryData<string> Cases()
    {
        var cases = new TheoryData<string>();
        foreach (var entry in AwsRecordedCorpus.Index)
        {
            if (ApiCaseRunner.InScope(entry))
            {
                cases.Add(entry.Id);
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Recorded_API_call_answers_as_AWS_did(string caseId)
    {
        var (group, failure) = await ApiCaseRunner.RunAsync(server.Server, caseId);
        tally.Record(group, caseId, failure);
        s_exclusions.AssertPinned(caseId, failure);
    }
}
