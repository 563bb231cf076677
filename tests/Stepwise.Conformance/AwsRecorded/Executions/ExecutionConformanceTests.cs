using Xunit.Abstractions;

namespace Stepwise.Conformance.AwsRecorded.Executions;

public sealed class ExecutionTally(IMessageSink sink) : ConformanceTally("aws-recorded executions", sink);

/// <summary>
/// Every execution case of the AWS-recorded corpus that needs no external service but Lambda mocks, run end to end and
/// compared with AWS's status, output, error, cause and history. Known failures are pinned in execution-exclusions.json.
/// </summary>
public sealed class ExecutionConformanceTests(ExecutionTally tally) : IClassFixture<ExecutionTally>
{
    private static readonly Exclusions s_exclusions = Exclusions.Load("execution-exclusions.json");

    public static TheoryData<string> Cases()
    {
        var cases = new TheoryData<string>();
        foreach (var entry in AwsRecordedCorpus.Index)
        {
            if (ExecutionCaseRunner.InScope(entry))
            {
                cases.Add(entry.Id);
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Recorded_execution_behaves_as_on_AWS(string caseId)
    {
        string? failure = await ExecutionCaseRunner.RunAsync(caseId);
        tally.Record(caseId[..caseId.IndexOf('/', StringComparison.Ordinal)], caseId, failure);
        s_exclusions.AssertPinned(caseId, failure);
    }
}
