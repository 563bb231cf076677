using System.Buffers.Text;
using System.Text;
using Stepwise.Json;

namespace Stepwise.Integrations.ServiceModels;

/// <summary>
/// Checks a mocked Task result (TestState's <c>mock.result</c>) against the API model of the service the Task calls,
/// as AWS does before it uses the mock. Fields the model does not know are allowed (a newer API may add them);
/// a null field counts as absent, as the AWS JSON protocols read it.
/// </summary>
public static class MockResultValidator
{
    private const string Prefix = "Mock result schema validation error: ";

    /// <summary>
    /// The problem AWS reports with <paramref name="result"/> as the result of a Task with <paramref name="resource"/>
    /// under <paramref name="mode"/> (<c>Mock result schema validation error: Field 'StatusCode' must be a number</c>),
    /// or null when it conforms or there is no model to check it against (see <see cref="ServiceModelCatalog.ResultShape"/>).
    /// The first problem found is reported: at each structure its missing required fields (STRICT only), then its
    /// fields in the result's order, depth first.
    /// </summary>
    public static string? Validate(string resource, JsonValue result, FieldValidationMode mode)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(result);
        if (mode == FieldValidationMode.None || ServiceModelCatalog.ResultShape(resource) is not { } shape)
        {
            return null;
        }

        string? problem = result is JsonObject fields
            ? CheckStructure(shape, fields, mode == FieldValidationMode.Strict)
            : "Mock result must be a JSON object";
        return problem is null ? null : Prefix + problem;
    }

    private static string? CheckStructure(Shape shape, JsonObject fields, bool strict)
    {
        if (strict)
        {
            foreach (string required in shape.Required)
            {
                if (fields[required] is null or { IsNull: true })
                {
                    return $"Required field '{required}' is missing";
                }
            }
        }

        var members = shape.Members!;
        foreach (var (name, value) in fields)
        {
            if (members.TryGetValue(name, out var member) && Check(member, value, name, strict) is { } problem)
            {
                return problem;
            }
        }

        return null;
    }

    /// <summary>Checks one value; <paramref name="name"/> is the field it sits in (list elements and map values report their field).</summary>
    private static string? Check(Shape shape, JsonValue value, string name, bool strict)
    {
        if (value.IsNull)
        {
            return null;
        }

        switch (shape.Kind)
        {
            case ShapeKind.Document:
                return null;
            case ShapeKind.Structure:
                return value is JsonObject fields ? CheckStructure(shape, fields, strict) : Field(name, "must be an object");
            case ShapeKind.List:
                return value is JsonArray items
                    ? CheckEach(shape.Element!, items.AsSpan(), name, strict)
                    : Field(name, "must be an array");
            case ShapeKind.Map:
                return value is JsonObject entries
                    ? CheckEach(shape.Value!, entries.Values, name, strict)
                    : Field(name, "must be an object");
            case ShapeKind.String:
                if (value is not JsonString text)
                {
                    return Field(name, "must be a string");
                }

                if (shape.Enum is { } allowed && !allowed.Contains(text.Value))
                {
                    return Field(name, "is not an expected value");
                }

                return Length(shape, CodePoints(text.Value), name);
            case ShapeKind.Blob:
                return value is JsonString blob ? Length(shape, BlobLength(blob.Value), name) : Field(name, "must be a string");
            case ShapeKind.Timestamp:
                // Step Functions renders timestamps as text; a number (epoch seconds) is refused as the corpus shows.
                return value.IsString ? null : Field(name, "must be a string");
            case ShapeKind.Boolean:
                return value.IsBoolean ? null : Field(name, "must be a boolean");
            case ShapeKind.Integer or ShapeKind.Long:
                return value is JsonNumber { IsIntegral: true } integer ? Range(shape, integer.ToDouble(), name) : Field(name, "must be a number");
            default:
                return value is JsonNumber number ? Range(shape, number.ToDouble(), name) : Field(name, "must be a number");
        }
    }

    private static string? CheckEach(Shape shape, ReadOnlySpan<JsonValue> values, string name, bool strict)
    {
        foreach (var value in values)
        {
            if (Check(shape, value, name, strict) is { } problem)
            {
                return problem;
            }
        }

        return null;
    }

    private static string? Range(Shape shape, double value, string name) =>
        value < shape.Min ? Field(name, "is less than the minimum value")
        : value > shape.Max ? Field(name, "exceeds the maximum value")
        : null;

    private static string? Length(Shape shape, int length, string name) =>
        length < shape.Min ? Field(name, "is smaller than the minimum length")
        : length > shape.Max ? Field(name, "exceeds the maximum length")
        : null;

    private static string Field(string name, string problem) => $"Field '{name}' {problem}";

    /// <summary>The models bound a string's length in characters (Unicode code points), as Smithy's length trait does.</summary>
    private static int CodePoints(string text)
    {
        int count = 0;
        foreach (var _ in text.EnumerateRunes())
        {
            count++;
        }

        return count;
    }

    /// <summary>A blob travels as base64 text: its length is the decoded bytes; text that is not base64 counts its UTF-8 bytes.</summary>
    private static int BlobLength(string text) =>
        Base64.IsValid(text.AsSpan(), out int decoded) ? decoded : Encoding.UTF8.GetByteCount(text);
}
