using Stepwise.Json;

namespace Stepwise.Hosting.Tests.TestSupport;

internal static class HistoryAssert
{
    public static List<string> Types(IEnumerable<JsonObject> history)
    {
        var types = new List<string>();
        foreach (var e in history)
        {
            types.Add(e["type"]!.AsString());
        }

        return types;
    }

    /// <summary>Ids run 1, 2, 3… and no state is entered twice on the same path (a retry re-schedules, never re-enters).</summary>
    public static void IsWellFormed(IReadOnlyList<JsonObject> history)
    {
        var entered = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < history.Count; i++)
        {
            Assert.True(history[i]["id"]!.AsNumber().TryGetInt64(out long id));
            Assert.Equal(i + 1, id);
            string type = history[i]["type"]!.AsString();
            if (type.EndsWith("StateEntered", StringComparison.Ordinal))
            {
                // previousEventId distinguishes Map iterations and Parallel branches entering the same state.
                string key = history[i]["stateEnteredEventDetails"]!.AsObject()["name"]!.AsString() + "@" + history[i]["previousEventId"]!.ToJsonString();
                Assert.True(entered.Add(key), $"State entered twice: {key}");
            }
        }
    }
}
