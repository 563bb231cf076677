namespace Stepwise.Jsonata.Functions;

/// <summary>A built-in or host-registered function.</summary>
internal sealed class NativeFunction(string name, Signature? signature, int arity, NativeImplementation implementation) : JsonataFunction(signature)
{
    public string Name { get; } = name;

    public NativeImplementation Implementation { get; } = implementation;

    public override int Arity { get; } = arity;

    public static NativeFunction Create(string name, string? signature, int arity, NativeImplementation implementation) =>
        new(name, signature is null ? null : Signature.Parse(signature), arity, implementation);
}
