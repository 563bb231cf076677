using Stepwise.Json;
using Stepwise.JsonPath.Intrinsics;

namespace Stepwise.JsonPath.Tests.Intrinsics;

/// <summary>Parses and evaluates calls for the tests, failing the test with the parser's or evaluator's message.</summary>
internal static class Intrinsic
{
    public static readonly JsonObject Context = JsonValue.Parse("""
        {
          "Execution": {"Id": "arn:aws:states:us-east-1:111111111111:execution:machine:run-1", "Name": "run-1"},
          "StateMachine": {"Id": "arn:aws:states:us-east-1:111111111111:stateMachine:my-machine-v2", "Name": "my-machine-v2"},
          "State": {"Name": "Pass"}
        }
        """).AsObject();

    public static JsonValue Evaluate(string call, string input = "{}", Random? random = null) =>
        Evaluate(call, JsonValue.Parse(input), random);

    public static JsonValue Evaluate(string call, JsonValue input, Random? random = null)
    {
        var scope = new PathScope(input, Context, null, random ?? new Random(7));
        Assert.True(IntrinsicCall.Parse(call).TryEvaluate(scope, out JsonValue? value, out AslError error), error.Cause);
        return value;
    }

    public static AslError Failure(string call, string input = "{}")
    {
        var scope = new PathScope(JsonValue.Parse(input), Context, null, new Random(7));
        Assert.False(IntrinsicCall.Parse(call).TryEvaluate(scope, out _, out AslError error));
        return error;
    }

    /// <summary>Asserts AWS's cause for a rejected argument: the whole call quoted, then "Invalid arguments in ...".</summary>
    public static void AssertInvalidArguments(string call, string function, string input = "{}")
    {
        AslError error = Failure(call, input);
        Assert.Equal(StatesErrors.Runtime, error.Error);
        Assert.Equal($"The function '{call}' had the following error: Invalid arguments in {function}", error.Cause);
    }

    public static string ParseError(string call)
    {
        Assert.False(IntrinsicCall.TryParse(call, out _, out string? error));
        return error;
    }

    /// <summary>Compares JSON texts exactly, key order and number spelling included.</summary>
    public static void AssertJson(string expected, JsonValue actual) =>
        Assert.Equal(JsonValue.Parse(expected).ToJsonString(), actual.ToJsonString());
}
