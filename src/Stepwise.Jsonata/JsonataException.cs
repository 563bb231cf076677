namespace Stepwise.Jsonata;

/// <summary>
/// A JSONata error with jsonata-js's code (S0xxx syntax, T0xxx/T1xxx/T2xxx type, D1xxx–D3xxx evaluation, U1001 runaway)
/// and message. The ASL layer maps every one of these to <c>States.QueryEvaluationError</c> at its edge.
/// </summary>
public sealed class JsonataException : Exception
{
    private readonly string _template;

    public JsonataException(string code, string message, int position = -1, string? token = null)
        : base(message)
    {
        Code = code;
        _template = message;
        Position = position;
        Token = token;
    }

    /// <summary>The jsonata-js error code, e.g. <c>T2001</c>.</summary>
    public string Code { get; }

    /// <summary>The character offset in the expression where the error was detected, or -1 when unknown.</summary>
    public int Position { get; internal set; }

    /// <summary>The token or function name the error concerns, when there is one.</summary>
    public string? Token { get; internal set; }

    /// <summary>The 1-based argument index a signature error concerns, or 0.</summary>
    public int Index { get; internal set; }

    /// <summary>The message, naming the function or token once the call site is known (jsonata-js's <c>{{token}}</c>).</summary>
    public override string Message => Token is null ? _template.Replace(" {{token}}", string.Empty, StringComparison.Ordinal) : _template.Replace("{{token}}", Token, StringComparison.Ordinal);
}
