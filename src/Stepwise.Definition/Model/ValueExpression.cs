using System.Diagnostics.CodeAnalysis;
using Stepwise.Json;
using Stepwise.JsonPath;

namespace Stepwise.Definition.Model;

/// <summary>
/// A field whose value is either a path or an intrinsic function call (Fail <c>ErrorPath</c>/<c>CausePath</c>):
/// compiled as the one-key template <c>{"Value.$": text}</c>, so paths, <c>$$</c>, variables and intrinsics all
/// evaluate exactly as they would inside Parameters.
/// </summary>
public sealed class ValueExpression
{
    private readonly PayloadTemplate _template;

    private readonly string _fieldName;

    private ValueExpression(string fieldName, string text, PayloadTemplate template)
    {
        _fieldName = fieldName;
        Text = text;
        _template = template;
    }

    /// <summary>The expression as written.</summary>
    public string Text { get; }

    /// <summary>Evaluates the expression; false with AWS's error when it cannot be evaluated.</summary>
    public bool TryEvaluate(in PathScope scope, [NotNullWhen(true)] out JsonValue? value, out AslError error)
    {
        if (_template.TryEvaluate(scope, out var result, out error) && result is JsonObject obj && obj.TryGetValue("Value", out value))
        {
            return true;
        }

        // The template's errors name its synthetic key; AWS names the field itself ("... for the field 'ErrorPath' ...").
        error = new AslError(error.Error, error.Cause.Replace("'Value.$'", $"'{_fieldName}'", StringComparison.Ordinal));
        value = null;
        return false;
    }

    internal static ValueExpression? Read(JsonObject json, string name, string where)
    {
        var text = ModelReader.ReadOptionalString(json, name, where);
        if (text is null)
        {
            return null;
        }

        var template = JsonObject.Create(("Value.$", (JsonValue)text));
        return PayloadTemplate.TryCompile(template, out var compiled, out var errors)
            ? new ValueExpression(name, text, compiled)
            : throw new FormatException($"{where}: '{name}' is not a valid path or intrinsic function: {(errors.Count > 0 ? errors[0].Message : text)}");
    }
}
