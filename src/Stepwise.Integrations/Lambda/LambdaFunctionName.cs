namespace Stepwise.Integrations.Lambda;

/// <summary>
/// Normalises the ways a Lambda function is named (a name, <c>name:alias</c>, a partial ARN
/// <c>123456789012:function:name</c>, a full ARN with or without a qualifier) to the bare function name.
/// </summary>
internal static class LambdaFunctionName
{
    public static string Normalize(string functionName)
    {
        const string Marker = "function:";
        int start = functionName.IndexOf(Marker, StringComparison.Ordinal);
        var rest = start >= 0 ? functionName.AsSpan(start + Marker.Length) : functionName.AsSpan();
        int qualifier = rest.IndexOf(':');
        return (qualifier >= 0 ? rest[..qualifier] : rest).ToString();
    }
}
