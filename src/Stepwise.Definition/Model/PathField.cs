using Stepwise.Json;
using Stepwise.JsonPath;

namespace Stepwise.Definition.Model;

/// <summary>
/// An <c>InputPath</c> or <c>OutputPath</c>: absent means <c>$</c> (the value passes through), an explicit JSON
/// null means "an empty object" (AWS: "If the InputPath is null, the input is {}").
/// </summary>
public readonly record struct PathField(AslPath? Path, bool IsNull)
{
    /// <summary>True when the field selects the whole value unchanged (absent, or exactly <c>$</c>).</summary>
    public bool IsIdentity => !IsNull && (Path is null || Path.Text == "$");

    internal static PathField Read(JsonObject json, string name, string where)
    {
        if (!json.TryGetValue(name, out var value))
        {
            return default;
        }

        return value.IsNull ? new PathField(null, true) : new PathField(ModelReader.ReadOptionalPath(json, name, where), false);
    }
}
