using System.Text;
using Stepwise.Definition.Validation;
using Stepwise.Json;

namespace Stepwise.Conformance.AwsRecorded.Validation;

/// <summary>
/// The other half of validation conformance: every definition AWS accepted and ran (the corpus's execution cases) must
/// validate without errors, so the validator never rejects what AWS runs.
/// </summary>
public sealed class AcceptedDefinitionsTests
{
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
            var options = data["stateMachineType"] is JsonString { Value: "EXPRESS" } ? ValidationOptions.Express : ValidationOptions.Standard;
            var result = DefinitionValidator.Validate(definition, options);
            if (!result.IsValid)
            {
                failed++;
                failures.Append('\n').Append(Path.GetRelativePath(ValidationCase.CorpusRoot, file)).Append(": ").Append(result.ToInvalidDefinitionMessage());
            }
        }

        Assert.True(count > 1000, $"only {count} execution cases found");
        Assert.True(failed == 0, $"{failed} of {count} executed definitions rejected:{failures}");
    }
}
