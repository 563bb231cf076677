using Stepwise.Json;

namespace Stepwise.Integrations.Mocks;

/// <summary>
/// A named entry of <c>MockedResponses</c>: responses keyed by repetition ranges (<c>"0"</c>, <c>"1-2"</c>) of the
/// zero-based invocation count. Past the last range the last response repeats, as Step Functions Local does.
/// </summary>
internal sealed class MockedResponseSequence
{
    private readonly (int From, int To, MockedResponse Response)[] _ranges;

    private MockedResponseSequence((int, int, MockedResponse)[] ranges) => _ranges = ranges;

    public MockedResponse Get(int attempt)
    {
        var last = _ranges[0];
        for (int i = 0; i < _ranges.Length; i++)
        {
            var range = _ranges[i];
            if (attempt >= range.From && attempt <= range.To)
            {
                return range.Response;
            }

            if (range.To > last.To)
            {
                last = range;
            }
        }

        return last.Response;
    }

    public static MockedResponseSequence Read(string name, JsonObject json)
    {
        if (json.Count == 0)
        {
            throw new FormatException($"Mocked response '{name}' has no responses.");
        }

        var ranges = new (int, int, MockedResponse)[json.Count];
        int i = 0;
        foreach (var (key, value) in json)
        {
            var (from, to) = ParseRange(name, key);
            ranges[i++] = (from, to, ReadResponse(name, key, value));
        }

        return new MockedResponseSequence(ranges);
    }

    private static (int From, int To) ParseRange(string name, string key)
    {
        int dash = key.IndexOf('-', StringComparison.Ordinal);
        if (dash < 0 && int.TryParse(key, out int single) && single >= 0)
        {
            return (single, single);
        }

        if (dash > 0 && int.TryParse(key.AsSpan(0, dash), out int from) && int.TryParse(key.AsSpan(dash + 1), out int to) && from >= 0 && to >= from)
        {
            return (from, to);
        }

        throw new FormatException($"Mocked response '{name}': '{key}' is not a repetition key such as \"0\" or \"1-2\".");
    }

    private static MockedResponse ReadResponse(string name, string key, JsonValue value)
    {
        if (value is not JsonObject response)
        {
            throw new FormatException($"Mocked response '{name}' [{key}] must be an object.");
        }

        if (response.TryGetValue("Return", out var returned))
        {
            return new MockedResponse(returned, null, null);
        }

        if (response.TryGetValue("Throw", out var thrown) && thrown is JsonObject throwObject)
        {
            string error = throwObject.TryGetValue("Error", out var e) && e is JsonString es ? es.Value
                : throw new FormatException($"Mocked response '{name}' [{key}]: Throw needs an Error string.");
            string? cause = throwObject.TryGetValue("Cause", out var c) && c is JsonString cs ? cs.Value : null;
            return new MockedResponse(null, error, cause);
        }

        throw new FormatException($"Mocked response '{name}' [{key}] needs 'Return' or 'Throw'.");
    }
}
