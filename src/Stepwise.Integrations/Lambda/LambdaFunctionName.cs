namespace Stepwise.Integrations.Lambda;

/// <summary>
/// Normalises the ways a Lambda function is named (a name, <c>name:alias</c>, a partial ARN
/// <c>123456789012:function:name</c>, a full ARN with or without a qualifier) to the bare function name.
/// </summary>
internal static class LambdaFunctionName
{
    private const string Marker = "function:";

    public static string Normalize(string functionName) => Name(functionName).ToString();

    /// <summary>The bare function name of <paramref name="functionName"/>, as <see cref="Normalize"/> spells it, without copying it.</summary>
    public static ReadOnlySpan<char> Name(string functionName)
    {
        var rest = AfterMarker(functionName);
        int qualifier = rest.IndexOf(':');
        return qualifier >= 0 ? rest[..qualifier] : rest;
    }

    /// <summary>The version or alias after the name (<c>name:prod</c>, <c>arn:…:function:name:3</c>), or null.</summary>
    public static string? Qualifier(string functionName)
    {
        var rest = AfterMarker(functionName);
        int qualifier = rest.IndexOf(':');
        return qualifier >= 0 ? rest[(qualifier + 1)..].ToString() : null;
    }

    private static ReadOnlySpan<char> AfterMarker(string functionName)
    {
        int start = functionName.IndexOf(Marker, StringComparison.Ordinal);
        return start >= 0 ? functionName.AsSpan(start + Marker.Length) : functionName.AsSpan();
    }
}
