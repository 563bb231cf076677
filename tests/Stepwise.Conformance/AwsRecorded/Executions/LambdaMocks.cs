using System.Globalization;
using System.Text;
using Stepwise.Hosting;
using Stepwise.Integrations;
using Stepwise.Json;

namespace Stepwise.Conformance.AwsRecorded.Executions;

/// <summary>
/// The corpus's Lambda functions (README: "Every Lambda used here is trivial"), registered as in-process handlers under
/// the function names the case's <c>mocks.lambda</c> gives, behaving as the recorded Python functions did.
/// </summary>
internal static class LambdaMocks
{
    // What the Python runtime reported for raise_exception.py and raise_custom_exception.py, as the corpus recorded it.
    private const string RaiseStackFrame = "  File \"/var/task/handler.py\", line 2, in handler\n    raise Exception(\"Some exception was raised.\")\n";
    private const string RaiseCustomStackFrame = "  File \"/var/task/handler.py\", line 9, in handler\n    raise CustomException()\n";

    public static void Register(StepwiseEngine engine, JsonObject recordedCase)
    {
        if (recordedCase["mocks"] is not JsonObject { } mocks || mocks["lambda"] is not JsonObject functions)
        {
            return;
        }

        foreach (var (name, spec) in functions)
        {
            var function = spec.AsObject();
            engine.RegisterLambda(name, Behaviour(function["behaviour"]!.AsString(), function["handler"]?.AsString() ?? ""));
        }
    }

    private static TaskHandler Behaviour(string behaviour, string handler) => behaviour switch
    {
        "raise" when handler.EndsWith("raise_custom_exception.py", StringComparison.Ordinal) =>
            static (_, _) => throw new LambdaFunctionException("CustomException", "", [RaiseCustomStackFrame]),
        "identity" => static (request, _) => ValueTask.FromResult(request.Input),
        "constant" => static (_, _) => ValueTask.FromResult<JsonValue>(JsonObject.Create(("Return", "HelloWorld"))),
        "constant-bytes" => static (_, _) => ValueTask.FromResult<JsonValue>(new JsonString("HelloWorld!")),
        "decorate" => static (request, _) => ValueTask.FromResult<JsonValue>(new JsonString("input-event-" + PythonStr(request.Input))),
        "large-output" => static (_, _) => ValueTask.FromResult<JsonValue>(new JsonString(new string('a', 257 * 1024))),
        "raise" => static (_, _) => throw new LambdaFunctionException("Exception", "Some exception was raised.", [RaiseStackFrame]),
        "sleep" => Sleep,
        _ => throw new InvalidOperationException($"Unknown Lambda mock behaviour '{behaviour}'."),
    };

    /// <summary>Sleeps "60 s": longer than every task timeout the corpus sets, so it ends only when the engine cancels it.</summary>
    private static async ValueTask<JsonValue> Sleep(TaskRequest request, CancellationToken cancellationToken)
    {
        await Task.Delay(Timeout.Infinite, cancellationToken);
        return request.Input;
    }

    /// <summary>Python's <c>str()</c> of a JSON-decoded value (what the decorate function formats).</summary>
    private static string PythonStr(JsonValue value)
    {
        var text = new StringBuilder();
        AppendRepr(value, text, top: true);
        return text.ToString();
    }

    private static void AppendRepr(JsonValue value, StringBuilder text, bool top = false)
    {
        switch (value)
        {
            case JsonObject obj:
                text.Append('{');
                for (int i = 0; i < obj.Count; i++)
                {
                    text.Append(i > 0 ? ", " : string.Empty);
                    AppendRepr(new JsonString(obj.Keys[i]), text);
                    text.Append(": ");
                    AppendRepr(obj.Values[i], text);
                }

                text.Append('}');
                break;
            case JsonArray array:
                text.Append('[');
                for (int i = 0; i < array.Count; i++)
                {
                    text.Append(i > 0 ? ", " : string.Empty);
                    AppendRepr(array[i], text);
                }

                text.Append(']');
                break;
            case JsonString s when top:
                text.Append(s.Value);
                break;
            case JsonString s:
                char quote = s.Value.Contains('\'', StringComparison.Ordinal) && !s.Value.Contains('"', StringComparison.Ordinal) ? '"' : '\'';
                text.Append(quote).Append(s.Value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace(quote.ToString(), "\\" + quote, StringComparison.Ordinal)).Append(quote);
                break;
            case JsonNumber n when n.Representation is NumberRepresentation.JavaDouble or NumberRepresentation.Double && !n.TryGetInt64(out _):
                text.Append(n.ToDouble().ToString("R", CultureInfo.InvariantCulture));
                break;
            case JsonNumber n when n.Representation is NumberRepresentation.JavaDouble:
                text.Append(n.ToDouble().ToString("R", CultureInfo.InvariantCulture)).Append(".0");
                break;
            default:
                text.Append(value.Kind switch
                {
                    JsonValueKind.True => "True",
                    JsonValueKind.False => "False",
                    JsonValueKind.Null => "None",
                    _ => value.ToJsonString(),
                });
                break;
        }
    }
}
