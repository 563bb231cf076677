using System.Text;
using Stepwise.Definition.Validation;
using Stepwise.Json;

namespace Stepwise.Conformance.AwsRecorded.Validation;

/// <summary>
/// The other half of validation conformance: every definition AWS accepted and ran (the corpus's execution cases) must
/// validate without errors, so the validator never rejects what AWS runs. Known gaps are pinned in
/// validation-exclusions.json like the recorded validation cases.
/// </summary>
public sealed class AcceptedDefinitionsTests
{
    private static readonly Exclusions s_exclusions = Exclusions.Load("validation-exclusions.json");

    [Fact]
    public void Every_definition_AWS_executed_validates_without_errors()
    {
        var failures = new StringBuilder();
        int count = 0, failed = 0;
        foreach (string file in Directory.EnumerateFiles(ValidationCase.CorpusRoot, "*.json", SearchOption.AllDirectories))
        {
            if (Path.GetDirectoryName(file) == ValidationCase.CorpusRoot)
            {
                continue;
            }

            var data = JsonValue.Parse(File.ReadAllText(file)).AsObject();
            if (data["kind"] is not JsonString { Value: "execution" } || data["definition"] is not JsonObject definition)
            {
                continue;
            }

            count++;
            string caseId = Path.GetRelativePath(ValidationCase.CorpusRoot, file).Replace('\\', '/')[..^".json".Length];
            var options = data["stateMachineType"] is JsonString { Value: "EXPRESS" } ? ValidationOptions.Express : ValidationOptions.Standard;
            var result = DefinitionValidator.Validate(definition, options);
            bool excluded = s_exclusions.TryGetReason(caseId, out _);
            if (result.IsValid == excluded)
            {
                failed++;
                failures.Append('\n').Append(caseId).Append(": ")
                    .Append(excluded ? "validates now: remove it from validation-exclusions.json" : result.ToInvalidDefinitionMessage());
            }
        }

        Assert.True(count > 1000, $"only {count} execution cases found");
        Assert.True(failed == 0, $"{failed} of {count} executed definitions disagree with their pinned outcome:{failures}");
    }

    [Fact]
    public void Every_state_AWS_tested_with_TestState_validates_without_errors()
    {
        var failures = new StringBuilder();
        int count = 0;
        foreach (string file in Directory.EnumerateFiles(Path.Combine(ValidationCase.CorpusRoot, "test_state"), "*.json"))
        {
            var data = JsonValue.Parse(File.ReadAllText(file)).AsObject();
            if (data["kind"] is not JsonString { Value: "test_state" } || data["request"]?.AsObject()["definition"] is not JsonObject definition)
            {
                continue;
            }

            count++;
            var result = definition.ContainsKey("Type")
                ? DefinitionValidator.ValidateState(definition, ValidationOptions.Standard)
                : DefinitionValidator.Validate(definition, ValidationOptions.Standard);
            if (!result.IsValid)
            {
                failures.Append('\n').Append(Path.GetFileNameWithoutExtension(file)).Append(": ").Append(result.ToInvalidDefinitionMessage());
            }
        }

        Assert.True(count > 100, $"only {count} TestState cases found");
        Assert.True(failures.Length == 0, $"TestState definitions rejected:{failures}");
    }
}
