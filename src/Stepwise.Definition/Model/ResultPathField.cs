using Stepwise.Json;
using Stepwise.JsonPath;

namespace Stepwise.Definition.Model;

/// <summary>
/// A <c>ResultPath</c>: absent means <c>$</c> (the result replaces the input), an explicit JSON null means the
/// result is discarded and the state's raw input passes through.
/// </summary>
public readonly record struct ResultPathField(ResultPath? Path, bool IsNull)
{
    internal static ResultPathField Read(JsonObject json, string name, string where)
    {
        if (!json.TryGetValue(name, out var value))
        {
            return default;
        }

        if (value.IsNull)
        {
            return new ResultPathField(null, true);
        }

        var text = ModelReader.ReadRequiredString(json, name, where);
        return Stepwise.JsonPath.ResultPath.TryParse(text, out var path, out var error)
            ? new ResultPathField(path, false)
            : throw new FormatException($"{where}: '{name}' is not a valid result path: {error}");
    }
}
