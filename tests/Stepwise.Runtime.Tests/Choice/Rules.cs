using Stepwise.Definition.Choice;
using Stepwise.Json;
using Stepwise.JsonPath;
using Stepwise.Runtime.Choice;

namespace Stepwise.Runtime.Tests.Choice;

/// <summary>Reads a rule written as JSON (a top-level rule, so it gets a Next) and evaluates it.</summary>
internal static class Rules
{
    public static ChoiceRule Read(string ruleJson) =>
        ChoiceRule.Read(JsonValue.Parse(ruleJson).AsObject().With("Next", "Matched"));

    /// <summary>Whether the rule matches <paramref name="inputJson"/>; fails the test when evaluation errs.</summary>
    public static bool Matches(string ruleJson, string inputJson)
    {
        bool ok = ChoiceEvaluator.TryMatch(Read(ruleJson), new PathScope(JsonValue.Parse(inputJson), JsonObject.Empty), out bool matched, out var error);
        Assert.True(ok, $"Unexpected error {error.Error}: {error.Cause}");
        return matched;
    }

    /// <summary>The error evaluation raises; fails the test when it does not.</summary>
    public static AslError Fails(string ruleJson, string inputJson) => Fails(Read(ruleJson), new PathScope(JsonValue.Parse(inputJson), JsonObject.Empty));

    public static AslError Fails(ChoiceRule rule, in PathScope scope)
    {
        bool ok = ChoiceEvaluator.TryMatch(rule, scope, out bool matched, out var error);
        Assert.False(ok, $"Expected an error, but the rule evaluated to {matched}.");
        return error;
    }
}
