using Stepwise.Json;

namespace Stepwise.Conformance.AwsRecorded.Executions;

/// <summary>
/// The child state machines of the corpus cases that need a nested execution (Fixtures/nested-state-machines.json,
/// taken from the LocalStack templates the recording tests created them from: see Fixtures/README.md).
/// </summary>
internal static class NestedStateMachines
{
    /// <summary>The corpus's need for a case that starts an execution of another state machine.</summary>
    public const string Need = "stepfunctions:StartExecution (nested state machine)";

    private static readonly Lazy<JsonObject> s_fixtures = new(() => JsonValue.Parse(File.ReadAllText(
        Path.Combine(RepositoryPaths.Root, "tests", "Stepwise.Conformance", "Fixtures", "nested-state-machines.json"))).AsObject());

    /// <summary>The state machines (name, definition) the case's execution starts, as its test created them.</summary>
    /// <exception cref="InvalidOperationException">The fixtures do not list the case.</exception>
    public static List<(string Name, JsonValue Definition)> ChildrenOf(string caseId)
    {
        var fixtures = s_fixtures.Value;
        if (fixtures["cases"]!.AsObject()[caseId] is not JsonObject children)
        {
            throw new InvalidOperationException($"Fixtures/nested-state-machines.json does not list the child state machines of {caseId}.");
        }

        var templates = fixtures["templates"]!.AsObject();
        var result = new List<(string, JsonValue)>();
        foreach (var (name, template) in children)
        {
            result.Add((name, templates[template.AsString()]!));
        }

        return result;
    }

    /// <summary>The Lambda functions the case's children call that never answer (the recording's functions slept past the timeout).</summary>
    public static List<string> HangingLambdasOf(string caseId)
    {
        var fixtures = s_fixtures.Value;
        var hanging = fixtures["hangingLambdas"]!.AsObject();
        var result = new List<string>();
        if (fixtures["cases"]!.AsObject()[caseId] is JsonObject children)
        {
            foreach (var (_, template) in children)
            {
                if (hanging[template.AsString()] is JsonString function)
                {
                    result.Add(function.Value);
                }
            }
        }

        return result;
    }
}
