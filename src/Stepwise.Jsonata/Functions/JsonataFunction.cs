namespace Stepwise.Jsonata.Functions;

/// <summary>A function value: a lambda, a built-in, a partial application, a regex matcher or a transform.</summary>
internal abstract class JsonataFunction(Signature? signature = null)
{
    /// <summary>The signature the arguments are validated against, when there is one.</summary>
    public Signature? Signature { get; } = signature;

    /// <summary>How many arguments higher-order functions pass (jsonata-js's function <c>length</c>).</summary>
    public abstract int Arity { get; }
}
