using Stepwise.Hosting;
using Stepwise.Json;

namespace Stepwise.Cli.Output;

/// <summary>The one JSON object <c>stepwise run --json</c> prints.</summary>
internal static class RunResultJson
{
    /// <summary><c>{"status", "output", "error", "cause"}</c> (output as JSON, not a string), plus <c>"history"</c> on request.</summary>
    public static JsonObject Create(ExecutionResult result, bool withHistory)
    {
        var json = new JsonObjectBuilder()
            .Set("status", result.Status.ToAwsString())
            .Set("output", result.Output ?? JsonValue.Null)
            .Set("error", result.Error is null ? JsonValue.Null : new JsonString(result.Error))
            .Set("cause", result.Cause is null ? JsonValue.Null : new JsonString(result.Cause));
        if (withHistory)
        {
            json.Set("history", JsonArray.Create(result.History.Select(e => (JsonValue)e.ToAwsJson())));
        }

        return json.ToObject();
    }
}
