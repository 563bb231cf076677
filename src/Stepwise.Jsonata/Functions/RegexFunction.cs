using System.Text.RegularExpressions;

namespace Stepwise.Jsonata.Functions;

/// <summary>A regex literal as a value: calling it with a string returns the first match object (with <c>next</c>).</summary>
internal sealed class RegexFunction(Regex regex, string source) : JsonataFunction
{
    public Regex Regex { get; } = regex;

    public string Source { get; } = source;

    public override int Arity => 1;
}
