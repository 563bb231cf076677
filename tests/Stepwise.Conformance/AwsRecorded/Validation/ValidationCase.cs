using Stepwise.Json;

namespace Stepwise.Conformance.AwsRecorded.Validation;

/// <summary>
/// One recorded case about definition validation: a CreateStateMachine, UpdateStateMachine or TestState call that AWS
/// answered with InvalidDefinition, or a ValidateStateMachineDefinition call with its response.
/// </summary>
internal sealed record ValidationCase(string Id, string Group, JsonObject Data)
{
    public static string CorpusRoot => Path.Combine(RepositoryPaths.Shared, "conformance", "aws-recorded");

    /// <summary>Ids (<c>feature/file</c>, without .json) of every validation case in the corpus, sorted.</summary>
    public static IEnumerable<string> EnumerateIds()
    {
        var ids = new List<string>();
        foreach (string file in Directory.EnumerateFiles(CorpusRoot, "*.json", SearchOption.AllDirectories))
        {
            string relative = Path.GetRelativePath(CorpusRoot, file).Replace('\\', '/');
            if (!relative.Contains('/', StringComparison.Ordinal))
            {
                continue;
            }

            var data = JsonValue.Parse(File.ReadAllText(file)).AsObject();
            if (IsValidationCase(data))
            {
                ids.Add(relative[..^".json".Length]);
            }
        }

        ids.Sort(StringComparer.Ordinal);
        return ids;
    }

    public static ValidationCase Load(string id)
    {
        var data = JsonValue.Parse(File.ReadAllText(Path.Combine(CorpusRoot, id + ".json"))).AsObject();
        return new ValidationCase(id, id[..id.IndexOf('/', StringComparison.Ordinal)], data);
    }

    private static bool IsValidationCase(JsonObject data)
    {
        string kind = data["kind"]?.AsString() ?? "";
        if (kind == "validate_definition")
        {
            return true;
        }

        return kind == "api_error"
            && data["expected"] is JsonObject expected
            && expected["error"] is JsonObject error
            && error["code"] is JsonString { Value: "InvalidDefinition" };
    }
}
