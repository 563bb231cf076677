using System.Text.RegularExpressions;
using Stepwise.Json;

namespace Stepwise.Conformance.AwsRecorded.Api;

/// <summary>
/// Turns a recorded request into the AWS JSON 1.0 body an SDK sends: definitions and inputs as JSON text (the corpus
/// stores them parsed), <c>definitionRaw</c>/<c>inputRaw</c> verbatim, and the redacted role ARN made concrete.
/// </summary>
internal static partial class WireRequest
{
    /// <summary>The role ARN sent where the recorder redacted it as <c>&lt;role_arn&gt;</c>.</summary>
    public const string RoleArn = "arn:aws:iam::111111111111:role/stepwise-conformance";

    /// <summary>The name the recorder gave a state machine whose real name it bound to <c>&lt;ArnPart_0idx&gt;</c>.</summary>
    private const string BoundMachineName = "ArnPart_0idx";

    public static string Build(JsonObject request, bool machineNameBound)
    {
        var body = new JsonObjectBuilder(request.Count);
        foreach (var (key, value) in request)
        {
            switch (key)
            {
                case "definitionRaw":
                    body.Set("definition", value);
                    break;
                case "inputRaw":
                    body.Set("input", value);
                    break;
                case "definition" or "input":
                    body.Set(key, new JsonString(value.ToJsonString()));
                    break;
                case "roleArn" when value is JsonString { Value: "<role_arn>" }:
                    body.Set(key, new JsonString(RoleArn));
                    break;
                default:
                    body.Set(key, value);
                    break;
            }
        }

        string text = body.ToObject().ToJsonString();
        // The recorder renamed the machine the test created to ArnPart_0idx in the calls it replayed, but ARNs the
        // test built itself (alias routing configurations) kept the real name, state_machine_<hex>: both are one machine.
        return machineNameBound ? RecordedMachineName().Replace(text, BoundMachineName) : text;
    }

    /// <summary>Whether the case's earlier calls create the state machine the recorder renamed.</summary>
    public static bool CreatesBoundMachine(JsonArray? priorCalls)
    {
        if (priorCalls is null)
        {
            return false;
        }

        foreach (var call in priorCalls)
        {
            var obj = call.AsObject();
            if (obj["action"] is JsonString { Value: "CreateStateMachine" }
                && obj["request"]!.AsObject()["name"] is JsonString { Value: BoundMachineName })
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex("(?<=:stateMachine:)state_machine_(?:test-)?[0-9a-f]{8}(?=[:\"])")]
    private static partial Regex RecordedMachineName();
}
