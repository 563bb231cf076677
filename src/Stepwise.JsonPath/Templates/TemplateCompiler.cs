using Stepwise.Json;
using Stepwise.JsonPath.Intrinsics;

namespace Stepwise.JsonPath.Templates;

/// <summary>
/// Compiles a payload template into <see cref="TemplateNode"/>s once. Subtrees without any <c>.$</c> key become a
/// single <see cref="ConstantNode"/> holding the template's own value, so evaluation shares them instead of copying.
/// </summary>
internal sealed class TemplateCompiler
{
    private readonly List<TemplateError> _errors = [];

    public IReadOnlyList<TemplateError> Errors => _errors;

    public TemplateNode Compile(JsonValue value, string pointer)
    {
        switch (value)
        {
            case JsonObject obj:
                return CompileObject(obj, pointer);
            case JsonArray array:
                return CompileArray(array, pointer);
            default:
                return new ConstantNode(value);
        }
    }

    private TemplateNode CompileObject(JsonObject obj, string pointer)
    {
        var keys = new List<string>(obj.Count);
        var members = new List<TemplateNode>(obj.Count);
        bool dynamic = false;
        for (int i = 0; i < obj.Count; i++)
        {
            (string key, JsonValue member) = obj[i];
            string memberPointer = pointer + "/" + EscapePointer(key);
            bool isDynamic = key.EndsWith(".$", StringComparison.Ordinal);
            string name = isDynamic ? key[..^2] : key;
            TemplateNode node = isDynamic ? CompileDynamic(key, member, memberPointer) : Compile(member, memberPointer);
            dynamic |= isDynamic || node is not ConstantNode;

            // "a" and "a.$" in one template: like Jackson's ObjectNode.set, the later value wins at the first position.
            int existing = keys.IndexOf(name);
            if (existing >= 0)
            {
                members[existing] = node;
                dynamic = true;
                continue;
            }

            keys.Add(name);
            members.Add(node);
        }

        return dynamic ? new ObjectNode(keys.ToArray(), members.ToArray()) : new ConstantNode(obj);
    }

    private TemplateNode CompileArray(JsonArray array, string pointer)
    {
        var elements = new TemplateNode[array.Count];
        bool dynamic = false;
        for (int i = 0; i < array.Count; i++)
        {
            elements[i] = Compile(array[i], pointer + "/" + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            dynamic |= elements[i] is not ConstantNode;
        }

        return dynamic ? new ArrayNode(elements) : new ConstantNode(array);
    }

    private TemplateNode CompileDynamic(string key, JsonValue value, string pointer)
    {
        if (value is not JsonString { Value: var text })
        {
            return Fail(pointer, $"The value for the field '{key}' must be a STRING that contains a JSONPath but was {DescribeKind(value)}");
        }

        // AWS gives one message for a bad path and a bad call alike (api/ and scenarios/ cases with
        // "SCHEMA_VALIDATION_FAILED: The value for the field 'parsed.$' must be a valid JSONPath or a valid intrinsic
        // function call at /States/IntrinsicEscape/Parameters"); the validator appends the location.
        if (text.StartsWith('$') && AslPath.TryParse(text, out AslPath? path, out _))
        {
            return new PathNode(path, key);
        }

        if (text.StartsWith("States.", StringComparison.Ordinal) && IntrinsicCall.TryParse(text, out IntrinsicCall? call, out _))
        {
            return new IntrinsicNode(call);
        }

        return Fail(pointer, $"The value for the field '{key}' must be a valid JSONPath or a valid intrinsic function call");
    }

    private ConstantNode Fail(string pointer, string message)
    {
        _errors.Add(new TemplateError(pointer, message));
        return new ConstantNode(JsonValue.Null);
    }

    private static string DescribeKind(JsonValue value) => value.Kind switch
    {
        JsonValueKind.Object => "an OBJECT",
        JsonValueKind.Array => "an ARRAY",
        JsonValueKind.Number => "a NUMBER",
        JsonValueKind.True or JsonValueKind.False => "a BOOLEAN",
        JsonValueKind.Null => "NULL",
        _ => "a STRING",
    };

    private static string EscapePointer(string key) =>
        key.Contains('~') || key.Contains('/') ? key.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal) : key;
}
