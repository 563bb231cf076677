namespace Stepwise.Jsonata.Functions;

/// <summary>The <c>next</c> function of a regex match object: the following match of the same regex in the same string.</summary>
internal sealed class MatchNext(RegexFunction regex, string text, int from) : JsonataFunction
{
    public RegexFunction Regex { get; } = regex;

    public string Text { get; } = text;

    public int From { get; } = from;

    public override int Arity => 0;
}
