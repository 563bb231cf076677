using System.Collections.Concurrent;

namespace Stepwise.Runtime.Decisions;

/// <summary>
/// The type and details member of a task event (<c>LambdaFunctionSucceeded</c>/<c>lambdaFunctionSucceededEventDetails</c>,
/// <c>TaskScheduled</c>/<c>taskScheduledEventDetails</c>, ...), spelled once per resource kind and outcome instead of
/// concatenated for every event.
/// </summary>
internal static class TaskEventNames
{
    private static readonly ConcurrentDictionary<(int Kind, string Suffix), (string Type, string DetailsName)> s_names = new();

    public static (string Type, string DetailsName) Of(TaskResource resource, string suffix)
    {
        int kind = resource.IsLambdaFunction ? 0 : resource.IsActivity ? 1 : 2;
        return s_names.TryGetValue((kind, suffix), out var names) ? names : s_names.GetOrAdd((kind, suffix), Spell((kind, suffix)));
    }

    private static (string Type, string DetailsName) Spell((int Kind, string Suffix) key)
    {
        string prefix = key.Kind switch
        {
            0 => "LambdaFunction",
            1 => "Activity",
            _ => "Task",
        };
        return (prefix + key.Suffix, char.ToLowerInvariant(prefix[0]) + prefix[1..] + key.Suffix + "EventDetails");
    }
}
