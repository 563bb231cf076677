using Stepwise.Testing;
using Xunit.Abstractions;

namespace Stepwise.Conformance.AwsRecorded.Executions;

public sealed class ExecutionTally(IMessageSink sink) : ConformanceTally("aws-recorded executions", sink);

/// <summary>
/// Every execution case of the AWS-recorded corpus that needs no external service but Lambda mocks, SQS, SNS, DynamoDB and
/// EventBridge (served by one shared moto_server), run end to end and compared with AWS's status, output, error, cause
/// and history. Known failures are pinned in execution-exclusions.json.
/// </summary>
public sealed class ExecutionConformanceTests(ExecutionTally tally, MotoServer moto) : IClassFixture<ExecutionTally>, IClassFixture<MotoServer>
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
        string? failure = await ExecutionCaseRunner.RunAsync(caseId, moto);
        tally.Record(caseId[..caseId.IndexOf('/', StringComparison.Ordinal)], caseId, failure);
        s_exclusions.AssertPinned(caseId, failure);
    }
}
