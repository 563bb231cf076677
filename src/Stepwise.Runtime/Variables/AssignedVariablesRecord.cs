using Stepwise.Json;

namespace Stepwise.Runtime.Variables;

/// <summary>
/// The <c>assignedVariables</c> member of a StateExited event: each assigned name with its value as JSON text, names
/// in ordinal order as AWS lists them (the corpus's assign histories).
/// </summary>
internal static class AssignedVariablesRecord
{
    /// <summary>Builds the <c>assignedVariables</c> object for <paramref name="assigned"/>.</summary>
    public static JsonObject Build(JsonObject assigned)
    {
        var names = new string[assigned.Count];
        for (int i = 0; i < names.Length; i++)
        {
            names[i] = assigned[i].Key;
        }

        Array.Sort(names, StringComparer.Ordinal);
        var builder = new JsonObjectBuilder(names.Length);
        foreach (string name in names)
        {
            assigned.TryGetValue(name, out var value);
            builder.Set(name, JsonString.TextOf(value!));
        }

        return builder.ToObject();
    }
}
