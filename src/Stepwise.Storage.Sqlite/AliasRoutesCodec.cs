using System.Text.Json;
using Stepwise.Storage.StateMachines;

namespace Stepwise.Storage.Sqlite;

/// <summary>Writes and reads an alias's routing configuration as the JSON array AWS's API uses.</summary>
internal static class AliasRoutesCodec
{
    public static string Write(IReadOnlyList<AliasRoute> routes)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var route in routes)
            {
                writer.WriteStartObject();
                writer.WriteString("stateMachineVersionArn", route.StateMachineVersionArn);
                writer.WriteNumber("weight", route.Weight);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    public static AliasRoute[] Read(string json)
    {
        using var document = JsonDocument.Parse(json);
        var routes = new AliasRoute[document.RootElement.GetArrayLength()];
        var i = 0;
        foreach (var element in document.RootElement.EnumerateArray())
        {
            routes[i++] = new AliasRoute(element.GetProperty("stateMachineVersionArn").GetString()!, element.GetProperty("weight").GetInt32());
        }

        return routes;
    }
}
