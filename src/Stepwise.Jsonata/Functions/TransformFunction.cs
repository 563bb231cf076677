using Stepwise.Jsonata.Evaluation;
using Stepwise.Jsonata.Parsing;

namespace Stepwise.Jsonata.Functions;

/// <summary>The function a transform expression <c>| pattern | update, delete |</c> evaluates to (signature <c>&lt;(oa):o&gt;</c>).</summary>
internal sealed class TransformFunction(Node node, Frame environment) : JsonataFunction(s_signature)
{
    private static readonly Signature s_signature = Signature.Parse("<(oa):o>");

    public Node Node { get; } = node;

    public Frame Environment { get; } = environment;

    public override int Arity => 1;
}
