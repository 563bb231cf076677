using System.Text.RegularExpressions;
using Stepwise.Jsonata.Functions;

namespace Stepwise.Jsonata.Parsing;

/// <summary>
/// One AST node. The parser builds raw nodes; <see cref="AstProcessor"/> rewrites them once into the evaluated shape
/// (paths of steps with their stages, tuple bindings, group-by and sort steps, tail-call thunks), precomputing
/// everything the evaluator would otherwise rediscover on every evaluation.
/// </summary>
internal sealed class Node(NodeType type, string value, int position)
{
    public NodeType Type = type;
    public string Value = value;
    public int Position = position;

    /// <summary>The constant of a literal (a JSON value).</summary>
    public object? Literal;

    public Node? Lhs;
    public Node? Rhs;
    public Node? Expression;
    public List<Node>? Expressions;
    public List<(Node Key, Node Value)>? Pairs;

    // Paths.
    public List<Node>? Steps;
    public List<Node>? Stages;
    public List<Node>? Predicates;
    public List<(Node Key, Node Value)>? Group;
    public int GroupPosition;
    public string? Focus;
    public string? Index;
    public bool Tuple;
    public bool KeepArray;
    public bool ConsArray;
    public bool KeepSingletonArray;

    // Functions.
    public Node? Procedure;
    public List<Node>? Arguments;
    public List<string>? Parameters;
    public Signature? Signature;
    public Node? Body;
    public bool Thunk;

    // Conditions and transforms.
    public Node? Condition;
    public Node? Then;
    public Node? Else;
    public Node? Pattern;
    public Node? Update;
    public Node? Delete;

    // Sorting.
    public List<(Node Expression, bool Descending)>? Terms;

    // Precomputed by AstProcessor.Analyse.
    /// <summary>A path of plain field names (optionally after one variable): evaluated without building sequences.</summary>
    public bool IsSimplePath;

    /// <summary>How many leading steps of a path are plain field names (the first may be a variable).</summary>
    public int SimplePrefix;

    /// <summary>A block whose expressions bind no variable of its own: it needs no frame.</summary>
    public bool BindsVariables;

    /// <summary>The value does not depend on the input or variables (literals, ranges and arithmetic over them).</summary>
    public bool IsConstant;

    // Regex literal.
    public Regex? Regex;

    // Parent operator: the label of the ancestor binding and its resolution state.
    public string? AncestorLabel;
    public List<ParentSlot>? SeekingParent;
    public ParentSlot? Slot;
}
