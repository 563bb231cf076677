using Stepwise.Json;

namespace Stepwise.Conformance.AwsRecorded.Api;

/// <summary>
/// TestState answers with JSON text in <c>output</c> and in every text member of <c>inspectionData</c>. The recorder
/// parsed some of those texts and kept others (arrays, scalars) as text, with Python's spacing; both sides are parsed
/// here so the comparison is of values, as the corpus README prescribes for JSON-text fields.
/// </summary>
internal static class TestStateText
{
    public static JsonObject Parse(JsonObject response)
    {
        var parsed = new JsonObjectBuilder(response.Count);
        foreach (var (key, value) in response)
        {
            parsed.Set(key, key switch
            {
                "output" => ParseText(value),
                "inspectionData" when value is JsonObject inspection => ParseMembers(inspection),
                _ => value,
            });
        }

        return parsed.ToObject();
    }

    private static JsonObject ParseMembers(JsonObject inspection)
    {
        var parsed = new JsonObjectBuilder(inspection.Count);
        foreach (var (key, value) in inspection)
        {
            parsed.Set(key, ParseText(value));
        }

        return parsed.ToObject();
    }

    private static JsonValue ParseText(JsonValue value) =>
        value is JsonString text && RecordedComparison.TryParseJson(text.Value, out var parsed) ? parsed : value;
}
