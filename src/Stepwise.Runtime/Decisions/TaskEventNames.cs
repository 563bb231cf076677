namespace Stepwise.Runtime.Decisions;

/// <summary>
/// The type and details member of a task event (<c>LambdaFunctionSucceeded</c>/<c>lambdaFunctionSucceededEventDetails</c>,
/// <c>TaskScheduled</c>/<c>taskScheduledEventDetails</c>, ...), spelled once per resource kind and outcome instead of
/// concatenated for every event.
/// </summary>
internal static class TaskEventNames
{
    private static readonly string[] s_prefixes = ["LambdaFunction", "Activity", "Task"];
    private static readonly string[] s_suffixes = ["Scheduled", "Started", "Submitted", "Succeeded", "Failed", "TimedOut"];

    /// <summary>Every (kind, suffix) pair spelled up front, kind-major: a table read costs less than a keyed lookup per event.</summary>
    private static readonly (string Type, string DetailsName)[] s_names = SpellAll();

    public static (string Type, string DetailsName) Of(TaskResource resource, string suffix)
    {
        int kind = resource.IsLambdaFunction ? 0 : resource.IsActivity ? 1 : 2;
        int index = Array.IndexOf(s_suffixes, suffix);
        return index >= 0
            ? s_names[(kind * s_suffixes.Length) + index]
            : throw new ArgumentOutOfRangeException(nameof(suffix), suffix, "Not the suffix of a task event.");
    }

    private static (string Type, string DetailsName)[] SpellAll()
    {
        var names = new (string Type, string DetailsName)[s_prefixes.Length * s_suffixes.Length];
        for (int kind = 0; kind < s_prefixes.Length; kind++)
        {
            for (int i = 0; i < s_suffixes.Length; i++)
            {
                names[(kind * s_suffixes.Length) + i] = Spell(kind, s_suffixes[i]);
            }
        }

        return names;
    }

    private static (string Type, string DetailsName) Spell(int kind, string suffix)
    {
        string prefix = s_prefixes[kind];
        return (prefix + suffix, char.ToLowerInvariant(prefix[0]) + prefix[1..] + suffix + "EventDetails");
    }
}
