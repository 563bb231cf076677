namespace Stepwise.Jsonata.Functions;

/// <summary>Function composition <c>$f ~> $g</c>: applies <see cref="First"/>, then <see cref="Second"/> to its result.</summary>
internal sealed class ChainFunction(JsonataFunction first, JsonataFunction second) : JsonataFunction
{
    public JsonataFunction First { get; } = first;

    public JsonataFunction Second { get; } = second;

    public override int Arity => 1;
}
