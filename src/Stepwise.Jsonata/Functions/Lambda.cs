using Stepwise.Jsonata.Evaluation;
using Stepwise.Jsonata.Parsing;

namespace Stepwise.Jsonata.Functions;

/// <summary>
/// A closure: a lambda's parameters and body with the frame and input it was defined in. A thunk is the deferred tail
/// call the evaluator's trampoline unwinds, so tail recursion runs in constant stack.
/// </summary>
internal sealed class Lambda(Node body, IReadOnlyList<string> parameters, object? input, Frame environment, bool thunk, Signature? signature) : JsonataFunction(signature)
{
    public Node Body { get; } = body;

    public IReadOnlyList<string> Parameters { get; } = parameters;

    public object? Input { get; } = input;

    public Frame Environment { get; } = environment;

    public bool IsThunk { get; } = thunk;

    public override int Arity => Parameters.Count;
}
