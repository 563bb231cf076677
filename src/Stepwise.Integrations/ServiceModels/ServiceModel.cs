using System.Globalization;
using Stepwise.Json;

namespace Stepwise.Integrations.ServiceModels;

/// <summary>
/// The output shapes of one AWS service's operations, read from its embedded <c>ServiceModels/Models/&lt;key&gt;.json</c>
/// (written by <c>tools/service-models/generate.py</c> from botocore's models).
/// </summary>
internal sealed class ServiceModel
{
    private readonly Dictionary<string, Shape> _outputs;
    private readonly Dictionary<string, Shape> _optimized;

    private ServiceModel(Dictionary<string, Shape> outputs, Dictionary<string, Shape> optimized)
    {
        _outputs = outputs;
        _optimized = optimized;
    }

    /// <summary>The output of the operation <paramref name="operation"/> (<c>GetFunction</c>), or null when the model has no such operation.</summary>
    public Shape? Output(string operation) => _outputs.TryGetValue(operation, out var shape) ? shape : null;

    /// <summary>
    /// The result of the optimized integration <paramref name="action"/> (<c>invoke</c>) where Step Functions shapes it
    /// differently from the operation's output; null where the result is the operation's output.
    /// </summary>
    public Shape? OptimizedResult(string action) => _optimized.TryGetValue(action, out var shape) ? shape : null;

    /// <summary>Links the shapes of one service's file: <c>{operations: {name: shape}, optimized?: {action: shape}, shapes: {name: shape}}</c>.</summary>
    public static ServiceModel Read(JsonObject service)
    {
        var definitions = service["shapes"]!.AsObject();
        var shapes = new Dictionary<string, Shape>(definitions.Count, StringComparer.Ordinal);
        foreach (var (name, definition) in definitions)
        {
            shapes[name] = Create(definition.AsObject());
        }

        foreach (var (name, definition) in definitions)
        {
            Link(shapes[name], definition.AsObject(), shapes);
        }

        return new ServiceModel(Resolve(service["operations"]!.AsObject(), shapes), Resolve(service["optimized"] as JsonObject, shapes));
    }

    private static Dictionary<string, Shape> Resolve(JsonObject? names, Dictionary<string, Shape> shapes)
    {
        var resolved = new Dictionary<string, Shape>(names?.Count ?? 0, StringComparer.Ordinal);
        if (names is not null)
        {
            foreach (var (name, shape) in names)
            {
                resolved[name] = Find(shape.AsString(), shapes);
            }
        }

        return resolved;
    }

    private static Shape Create(JsonObject definition)
    {
        HashSet<string>? values = null;
        if (definition["enum"] is JsonArray list)
        {
            values = new HashSet<string>(list.Count, StringComparer.Ordinal);
            foreach (var value in list)
            {
                values.Add(value.AsString());
            }
        }

        return new Shape(Kind(definition["type"]!.AsString()))
        {
            Min = (definition["min"] as JsonNumber)?.ToDouble(),
            Max = (definition["max"] as JsonNumber)?.ToDouble(),
            Enum = values,
        };
    }

    private static void Link(Shape shape, JsonObject definition, Dictionary<string, Shape> shapes)
    {
        switch (shape.Kind)
        {
            case ShapeKind.Structure:
                var members = definition["members"]!.AsObject();
                shape.Members = new Dictionary<string, Shape>(members.Count, StringComparer.Ordinal);
                foreach (var (name, member) in members)
                {
                    shape.Members[name] = Find(member.AsString(), shapes);
                }

                if (definition["required"] is JsonArray required)
                {
                    var names = new string[required.Count];
                    for (int i = 0; i < names.Length; i++)
                    {
                        names[i] = required[i].AsString();
                    }

                    shape.Required = names;
                }

                break;
            case ShapeKind.List:
                shape.Element = Find(definition["member"]!.AsString(), shapes);
                break;
            case ShapeKind.Map:
                shape.Value = Find(definition["value"]!.AsString(), shapes);
                break;
        }
    }

    /// <summary>A named shape of the service, or the shared unconstrained primitive the generator names by its type (<c>string</c>).</summary>
    private static Shape Find(string name, Dictionary<string, Shape> shapes) =>
        shapes.TryGetValue(name, out var shape) ? shape : Primitives.Get(Kind(name));

    private static ShapeKind Kind(string type) => type switch
    {
        "structure" => ShapeKind.Structure,
        "list" => ShapeKind.List,
        "map" => ShapeKind.Map,
        "string" => ShapeKind.String,
        "blob" => ShapeKind.Blob,
        "boolean" => ShapeKind.Boolean,
        "integer" => ShapeKind.Integer,
        "long" => ShapeKind.Long,
        "float" => ShapeKind.Float,
        "double" => ShapeKind.Double,
        "timestamp" => ShapeKind.Timestamp,
        "document" => ShapeKind.Document,
        _ => throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"The embedded service models name an unknown shape or type '{type}'.")),
    };

    /// <summary>One shape per primitive type without constraints, shared by every service (they have nothing to link).</summary>
    private static class Primitives
    {
        private static readonly Shape[] s_shapes = CreateAll();

        public static Shape Get(ShapeKind kind) => s_shapes[(int)kind];

        private static Shape[] CreateAll()
        {
            var kinds = System.Enum.GetValues<ShapeKind>();
            var shapes = new Shape[kinds.Length];
            foreach (var kind in kinds)
            {
                shapes[(int)kind] = new Shape(kind);
            }

            return shapes;
        }
    }
}
