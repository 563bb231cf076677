namespace Stepwise.Integrations.ServiceModels;

/// <summary>
/// One shape of a service's API model, as much of it as checking a result needs. Shapes refer to each other (and
/// recursively: DynamoDB's <c>AttributeValue</c> holds lists and maps of itself), so <see cref="ServiceModel"/> creates
/// them all first and links them after.
/// </summary>
internal sealed class Shape(ShapeKind kind)
{
    public ShapeKind Kind { get; } = kind;

    /// <summary>A structure's members by the name Step Functions gives them (the model's name with an upper-case first letter).</summary>
    public Dictionary<string, Shape>? Members { get; set; }

    /// <summary>A structure's required members.</summary>
    public string[] Required { get; set; } = [];

    /// <summary>A list's element shape.</summary>
    public Shape? Element { get; set; }

    /// <summary>A map's value shape.</summary>
    public Shape? Value { get; set; }

    /// <summary>The smallest value (numbers) or length (strings, blobs), when the model bounds it.</summary>
    public double? Min { get; init; }

    /// <summary>The largest value (numbers) or length (strings, blobs), when the model bounds it.</summary>
    public double? Max { get; init; }

    /// <summary>A string's allowed values, when the model lists them.</summary>
    public HashSet<string>? Enum { get; init; }
}
