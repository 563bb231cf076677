using Xunit.Abstractions;

namespace Stepwise.Conformance.AwsRecorded.Activities;

public sealed class ActivityTally(IMessageSink sink) : ConformanceTally("aws-recorded activities", sink);

/// <summary>
/// The corpus's activity executions, run on the durable engine with a worker answering as the recorded one did, and
/// compared with AWS's status, output, error, cause and history. Known failures are pinned in execution-exclusions.json.
/// </summary>
public sealed class ActivityConformanceTests(ActivityTally tally) : IClassFixture<ActivityTally>
{
    private static readonly Exclusions s_exclusions = Exclusions.Load("execution-exclusions.json");

    public static TheoryData<string> Cases()
    {
        var cases = new TheoryData<string>();
        foreach (var entry in AwsRecordedCorpus.Index)
        {
            if (ActivityCaseRunner.InScope(entry))
            {
                cases.Add(entry.Id);
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Recorded_activity_execution_behaves_as_on_AWS(string caseId)
    {
        string? failure = await ActivityCaseRunner.RunAsync(caseId);
        tally.Record(caseId[..caseId.IndexOf('/', StringComparison.Ordinal)], caseId, failure);
        s_exclusions.AssertPinned(caseId, failure);
    }
}
