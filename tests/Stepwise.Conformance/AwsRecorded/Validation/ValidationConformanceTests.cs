namespace Stepwise.Conformance.AwsRecorded.Validation;

/// <summary>
/// The aws-recorded cases about definition validation (InvalidDefinition errors of CreateStateMachine, UpdateStateMachine
/// and TestState, and ValidateStateMachineDefinition responses), replayed through the validator. Known failures are
/// pinned in validation-exclusions.json.
/// </summary>
public sealed class ValidationConformanceTests(ValidationTally tally) : IClassFixture<ValidationTally>
{
    private static readonly Exclusions s_exclusions = Exclusions.Load("validation-exclusions.json");

    public static TheoryData<string> Cases => new(ValidationCase.EnumerateIds());

    [Theory]
    [MemberData(nameof(Cases))]
    public void Recorded_validation_case_matches_AWS(string caseId)
    {
        var testCase = ValidationCase.Load(caseId);
        string? failure = ValidationCaseRunner.Run(testCase);
        tally.Record(testCase.Group, failure is null);
        s_exclusions.AssertPinned(caseId, failure);
    }
}
