using Stepwise.Json;

namespace Stepwise.Conformance.AwsRecorded;

/// <summary>
/// Compares an execution history with the one AWS recorded: event by event (type, id, previousEventId, details),
/// except runs of events the recorder sorted (<c>orderNormalized</c>), which match as a multiset with ids ignored.
/// </summary>
internal static class HistoryComparison
{
    /// <summary>The detail fields GetExecutionHistory returns as JSON text; the corpus stores them parsed.</summary>
    private static readonly string[] s_jsonTextFields = ["input", "output", "parameters"];

    public static string? Compare(RecordedComparison comparison, JsonArray expected, IReadOnlyList<JsonObject> actualEvents, bool droppedParallelOutcomes)
    {
        var actual = new List<JsonObject>(actualEvents.Count);
        foreach (var e in actualEvents)
        {
            string type = e["type"]!.AsString();
            if (droppedParallelOutcomes && type is "ParallelStateSucceeded" or "ParallelStateFailed")
            {
                continue;
            }

            actual.Add(Normalise(e));
        }

        int a = 0;
        for (int x = 0; x < expected.Count;)
        {
            var recorded = expected[x].AsObject();
            if (recorded["orderNormalized"] is { Kind: JsonValueKind.True })
            {
                int end = x;
                while (end < expected.Count && expected[end].AsObject()["orderNormalized"] is { Kind: JsonValueKind.True })
                {
                    end++;
                }

                if (a + (end - x) > actual.Count)
                {
                    return $"history: {end - x} sorted events expected from #{a + 1}, only {actual.Count - a} left";
                }

                if (CompareUnordered(comparison, expected, x, end, actual, a) is { } difference)
                {
                    return difference;
                }

                a += end - x;
                x = end;
                continue;
            }

            if (a >= actual.Count)
            {
                return $"history: expected event {Describe(recorded)}, the history ended after {actual.Count} events";
            }

            if (comparison.Compare(recorded, actual[a], $"history[{a}]({recorded["type"]})") is { } mismatch)
            {
                return mismatch;
            }

            a++;
            x++;
        }

        return a < actual.Count ? $"history: unexpected extra event {Describe(actual[a])}" : null;
    }

    private static string? CompareUnordered(RecordedComparison comparison, JsonArray expected, int from, int to, List<JsonObject> actual, int at)
    {
        var pool = new List<JsonObject>();
        for (int i = at; i < at + (to - from); i++)
        {
            pool.Add(actual[i].Without("id").Without("previousEventId"));
        }

        for (int x = from; x < to; x++)
        {
            var recorded = expected[x].AsObject().Without("id").Without("previousEventId").Without("orderNormalized");
            int match = pool.FindIndex(candidate => comparison.Compare(recorded, candidate, "") is null);
            if (match < 0)
            {
                return $"history: no event matches the recorded (sorted) event {Describe(recorded)}";
            }

            pool.RemoveAt(match);
        }

        return null;
    }

    /// <summary>Drops the timestamp and parses the JSON-text detail fields, as the corpus stores them.</summary>
    private static JsonObject Normalise(JsonObject e)
    {
        var result = e.Without("timestamp");
        foreach (var (key, value) in result)
        {
            if (!key.EndsWith("EventDetails", StringComparison.Ordinal) || value is not JsonObject details)
            {
                continue;
            }

            foreach (string field in s_jsonTextFields)
            {
                if (details[field] is JsonString text && RecordedComparison.TryParseJson(text.Value, out var parsed))
                {
                    details = details.With(field, parsed);
                }
            }

            if (details["assignedVariables"] is JsonObject assigned)
            {
                var builder = new JsonObjectBuilder(assigned.Count);
                foreach (var (name, json) in assigned)
                {
                    builder.Set(name, json is JsonString text && RecordedComparison.TryParseJson(text.Value, out var parsed) ? parsed : json);
                }

                details = details.With("assignedVariables", builder.ToObject());
            }

            result = result.With(key, details);
        }

        return result;
    }

    private static string Describe(JsonObject e)
    {
        string text = e.ToJsonString();
        return text.Length > 300 ? text[..300] + "…" : text;
    }
}
