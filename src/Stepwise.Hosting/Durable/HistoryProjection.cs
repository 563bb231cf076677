using Stepwise.Json;

namespace Stepwise.Hosting.Durable;

/// <summary>Shapes stored history events as <c>GetExecutionHistory</c> returns them.</summary>
internal static class HistoryProjection
{
    /// <summary>
    /// The event without its execution data (<c>includeExecutionData: false</c>): the <c>input</c> and <c>output</c>
    /// of its details are left out, their size details stay.
    /// </summary>
    public static JsonObject WithoutExecutionData(JsonObject historyEvent)
    {
        var result = historyEvent;
        foreach (var (key, value) in historyEvent)
        {
            if (key.EndsWith("EventDetails", StringComparison.Ordinal) && value is JsonObject details
                && (details.ContainsKey("input") || details.ContainsKey("output")))
            {
                result = result.With(key, details.Without("input").Without("output"));
            }
        }

        return result;
    }
}
