using Stepwise.Json;

namespace Stepwise.Integrations.Aws;

/// <summary>
/// Renames object members between ASL's PascalCase and a camelCase wire (ECS, CodeBuild): Step Functions takes the
/// optimized integrations' parameters as the Java SDK's models name them and writes their results the same way.
/// Every member at every depth is renamed, values are untouched.
/// </summary>
internal static class MemberNames
{
    public static JsonValue ToCamel(JsonValue value) => Rename(value, camel: true);

    public static JsonValue ToPascal(JsonValue value) => Rename(value, camel: false);

    private static JsonValue Rename(JsonValue value, bool camel)
    {
        switch (value)
        {
            case JsonObject obj:
                var builder = new JsonObjectBuilder(obj.Count);
                foreach (var (name, member) in obj)
                {
                    builder.Set(Rename(name, camel), Rename(member, camel));
                }

                return builder.ToObject();
            case JsonArray array:
                var items = new JsonValue[array.Count];
                for (int i = 0; i < items.Length; i++)
                {
                    items[i] = Rename(array[i], camel);
                }

                return JsonArray.TakeOwnership(items);
            default:
                return value;
        }
    }

    private static string Rename(string name, bool camel)
    {
        if (name.Length == 0)
        {
            return name;
        }

        char first = camel ? char.ToLowerInvariant(name[0]) : char.ToUpperInvariant(name[0]);
        return first == name[0] ? name : string.Concat(first.ToString(), name.AsSpan(1));
    }
}
