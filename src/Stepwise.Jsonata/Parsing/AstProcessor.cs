using System.Globalization;
using Stepwise.Json;

namespace Stepwise.Jsonata.Parsing;

/// <summary>
/// Rewrites the raw parse tree once into the shape the evaluator runs (jsonata-js's <c>processAST</c>): map operators
/// become paths of steps, predicates become step stages, <c>@</c>/<c>#</c> become tuple bindings, <c>^(...)</c> becomes a
/// sort step, parent operators are resolved to the step whose context they name, and lambda bodies get tail-call thunks.
/// </summary>
internal sealed class AstProcessor
{
    private int _ancestorLabel;

    public static Node Process(Node root)
    {
        var processor = new AstProcessor();
        var result = processor.Run(root);
        if (result.Type == NodeType.Parent || result.SeekingParent is not null)
        {
            throw new JsonataException("S0217", $"The object representing the 'parent' cannot be derived from this expression", result.Position, TypeName(result));
        }

        Analyse(result);
        return result;
    }

    /// <summary>Precomputes the flags that let the evaluator take fast paths (see <see cref="Node.IsSimplePath"/>).</summary>
    private static void Analyse(Node node)
    {
        ForEachChild(node, static child => Analyse(child));
        node.IsConstant = node.Predicates is null && node.Group is null && node.Type switch
        {
            NodeType.String or NodeType.Number or NodeType.Value => true,
            NodeType.Negate => node.Expression!.IsConstant,
            NodeType.ArrayConstructor => node.Expressions!.TrueForAll(static e => e.IsConstant),
            NodeType.Binary => node.Value is not (":=" or "and" or "or") && node.Lhs!.IsConstant && node.Rhs!.IsConstant,
            _ => false,
        };
        if (node.Type == NodeType.Path)
        {
            var steps = node.Steps!;
            int prefix = 0;
            while (prefix < steps.Count)
            {
                var step = steps[prefix];
                bool simple = (step.Type == NodeType.Name || (prefix == 0 && step.Type == NodeType.Variable))
                    && step.Stages is null && step.Predicates is null && step.Group is null && step.Focus is null
                    && step.Index is null && !step.Tuple && !step.KeepArray && step.AncestorLabel is null;
                if (!simple)
                {
                    break;
                }

                prefix++;
            }

            node.SimplePrefix = prefix;
            node.IsSimplePath = prefix == steps.Count && !node.KeepSingletonArray && node.Group is null && !node.Tuple;
        }

        // A variable bound anywhere in a block's own scope (not inside a nested block or lambda) needs the block's frame.
        node.BindsVariables = node.Type == NodeType.Bind || HasBindingChild(node);
    }

    private static bool HasBindingChild(Node node)
    {
        bool binds = false;
        ForEachChild(node, child =>
        {
            if (child.BindsVariables && child.Type is not (NodeType.Block or NodeType.Lambda))
            {
                binds = true;
            }
        });
        return binds;
    }

    private static void ForEachChild(Node node, Action<Node> action)
    {
        void Visit(Node? child)
        {
            if (child is not null)
            {
                action(child);
            }
        }

        Visit(node.Lhs);
        Visit(node.Rhs);
        Visit(node.Expression);
        Visit(node.Procedure);
        Visit(node.Body);
        Visit(node.Condition);
        Visit(node.Then);
        Visit(node.Else);
        Visit(node.Pattern);
        Visit(node.Update);
        Visit(node.Delete);
        foreach (var list in (ReadOnlySpan<List<Node>?>)[node.Expressions, node.Steps, node.Stages, node.Predicates, node.Arguments])
        {
            if (list is not null)
            {
                foreach (var child in list)
                {
                    Visit(child);
                }
            }
        }

        foreach (var pairs in (ReadOnlySpan<List<(Node Key, Node Value)>?>)[node.Pairs, node.Group])
        {
            if (pairs is not null)
            {
                foreach (var (key, value) in pairs)
                {
                    Visit(key);
                    Visit(value);
                }
            }
        }

        if (node.Terms is not null)
        {
            foreach (var (expression, _) in node.Terms)
            {
                Visit(expression);
            }
        }
    }

    private Node Run(Node expr)
    {
        Node result;
        switch (expr.Type)
        {
            case NodeType.Binary:
                result = ProcessBinary(expr);
                break;
            case NodeType.Negate:
                result = expr;
                expr.Expression = Run(expr.Expression!);
                if (expr.Expression.Type == NodeType.Number)
                {
                    result = expr.Expression;
                    result.Literal = JsonNumber.FromDouble(-((JsonNumber)result.Literal!).ToDouble());
                }
                else
                {
                    PushAncestry(result, expr.Expression);
                }

                break;
            case NodeType.ArrayConstructor:
                result = expr;
                for (int i = 0; i < expr.Expressions!.Count; i++)
                {
                    expr.Expressions[i] = Run(expr.Expressions[i]);
                    PushAncestry(result, expr.Expressions[i]);
                }

                break;
            case NodeType.ObjectConstructor:
                result = expr;
                for (int i = 0; i < expr.Pairs!.Count; i++)
                {
                    var key = Run(expr.Pairs[i].Key);
                    PushAncestry(result, key);
                    var value = Run(expr.Pairs[i].Value);
                    PushAncestry(result, value);
                    expr.Pairs[i] = (key, value);
                }

                break;
            case NodeType.Function:
            case NodeType.Partial:
                result = expr;
                for (int i = 0; i < expr.Arguments!.Count; i++)
                {
                    if (expr.Arguments[i].Type != NodeType.Placeholder)
                    {
                        expr.Arguments[i] = Run(expr.Arguments[i]);
                        PushAncestry(result, expr.Arguments[i]);
                    }
                }

                expr.Procedure = Run(expr.Procedure!);
                break;
            case NodeType.Lambda:
                result = expr;
                expr.Body = TailCallOptimize(Run(expr.Body!));
                break;
            case NodeType.Condition:
                result = expr;
                expr.Condition = Run(expr.Condition!);
                PushAncestry(result, expr.Condition);
                expr.Then = Run(expr.Then!);
                PushAncestry(result, expr.Then);
                if (expr.Else is not null)
                {
                    expr.Else = Run(expr.Else);
                    PushAncestry(result, expr.Else);
                }

                break;
            case NodeType.Coalesce:
            case NodeType.Default:
                result = expr;
                expr.Lhs = Run(expr.Lhs!);
                PushAncestry(result, expr.Lhs);
                expr.Rhs = Run(expr.Rhs!);
                PushAncestry(result, expr.Rhs);
                break;
            case NodeType.Transform:
                result = expr;
                expr.Pattern = Run(expr.Pattern!);
                expr.Update = Run(expr.Update!);
                if (expr.Delete is not null)
                {
                    expr.Delete = Run(expr.Delete);
                }

                break;
            case NodeType.Block:
                result = expr;
                for (int i = 0; i < expr.Expressions!.Count; i++)
                {
                    var part = Run(expr.Expressions[i]);
                    PushAncestry(result, part);
                    if (part.ConsArray || (part.Type == NodeType.Path && part.Steps![0].ConsArray))
                    {
                        result.ConsArray = true;
                    }

                    expr.Expressions[i] = part;
                }

                break;
            case NodeType.Name:
                result = new Node(NodeType.Path, expr.Value, expr.Position) { Steps = [expr] };
                if (expr.KeepArray)
                {
                    result.KeepSingletonArray = true;
                }

                break;
            case NodeType.Parent:
                result = expr;
                expr.Slot = new ParentSlot("!" + _ancestorLabel++.ToString(CultureInfo.InvariantCulture), 1);
                break;
            case NodeType.String:
            case NodeType.Number:
            case NodeType.Value:
            case NodeType.Wildcard:
            case NodeType.Descendant:
            case NodeType.Variable:
            case NodeType.Regex:
                result = expr;
                break;
            case NodeType.Operator:
                if (expr.Value is "and" or "or" or "in")
                {
                    expr.Type = NodeType.Name;
                    result = Run(expr);
                    break;
                }

                throw new JsonataException("S0201", $"Syntax error: \"{expr.Value}\"", expr.Position, expr.Value);
            case NodeType.End:
                throw new JsonataException("S0207", "Unexpected end of expression", expr.Position, expr.Value);
            default:
                throw new JsonataException("S0206", $"Unknown expression type: \"{expr.Value}\"", expr.Position, expr.Value);
        }

        if (expr.KeepArray)
        {
            result.KeepArray = true;
        }

        return result;
    }

    private Node ProcessBinary(Node expr)
    {
        Node result;
        switch (expr.Value)
        {
            case ".":
            {
                var lstep = Run(expr.Lhs!);
                result = lstep.Type == NodeType.Path ? lstep : new Node(NodeType.Path, ".", expr.Position) { Steps = [lstep] };
                if (lstep.Type == NodeType.Parent)
                {
                    result.SeekingParent = [lstep.Slot!];
                }

                var rest = Run(expr.Rhs!);
                if (rest.Type == NodeType.Path)
                {
                    result.Steps!.AddRange(rest.Steps!);
                }
                else
                {
                    if (rest.Predicates is not null)
                    {
                        rest.Stages = rest.Predicates;
                        rest.Predicates = null;
                    }

                    result.Steps!.Add(rest);
                }

                foreach (var step in result.Steps!)
                {
                    if (step.Type is NodeType.Number or NodeType.Value)
                    {
                        throw new JsonataException("S0213", $"The literal value {step.Value} cannot be used as a step within a path expression", step.Position, step.Value);
                    }

                    if (step.Type == NodeType.String)
                    {
                        step.Type = NodeType.Name;
                    }

                    if (step.KeepArray)
                    {
                        result.KeepSingletonArray = true;
                    }
                }

                var first = result.Steps[0];
                if (first.Type == NodeType.ArrayConstructor)
                {
                    first.ConsArray = true;
                }

                var last = result.Steps[^1];
                if (last.Type == NodeType.ArrayConstructor)
                {
                    last.ConsArray = true;
                }

                ResolveAncestry(result);
                break;
            }

            case "[":
            {
                result = Run(expr.Lhs!);
                var step = result;
                bool stages = false;
                if (result.Type == NodeType.Path)
                {
                    step = result.Steps![^1];
                    stages = true;
                }

                if (step.Group is not null)
                {
                    throw new JsonataException("S0209", "A predicate cannot follow a grouping expression in a step", expr.Position);
                }

                var predicate = Run(expr.Rhs!);
                if (predicate.SeekingParent is not null)
                {
                    foreach (var slot in predicate.SeekingParent)
                    {
                        if (slot.Level == 1)
                        {
                            SeekParent(step, slot);
                        }
                        else
                        {
                            slot.Level--;
                        }
                    }

                    PushAncestry(step, predicate);
                }

                var filter = new Node(NodeType.Filter, "[", expr.Position) { Expression = predicate };
                if (stages)
                {
                    (step.Stages ??= []).Add(filter);
                }
                else
                {
                    (step.Predicates ??= []).Add(filter);
                }

                break;
            }

            case "{":
            {
                result = Run(expr.Lhs!);
                if (result.Group is not null)
                {
                    throw new JsonataException("S0210", "Each step can only have one grouping expression", expr.Position);
                }

                var pairs = new List<(Node, Node)>(expr.Pairs!.Count);
                foreach (var (key, value) in expr.Pairs)
                {
                    pairs.Add((Run(key), Run(value)));
                }

                result.Group = pairs;
                result.GroupPosition = expr.Position;
                break;
            }

            case "^":
            {
                result = Run(expr.Lhs!);
                if (result.Type != NodeType.Path)
                {
                    result = new Node(NodeType.Path, ".", expr.Position) { Steps = [result] };
                }

                var sort = new Node(NodeType.Sort, "^", expr.Position) { Terms = [] };
                foreach (var (term, descending) in expr.Terms!)
                {
                    var expression = Run(term);
                    PushAncestry(sort, expression);
                    sort.Terms.Add((expression, descending));
                }

                result.Steps!.Add(sort);
                ResolveAncestry(result);
                break;
            }

            case ":=":
                result = new Node(NodeType.Bind, ":=", expr.Position) { Lhs = Run(expr.Lhs!), Rhs = Run(expr.Rhs!) };
                PushAncestry(result, result.Rhs);
                break;
            case "@":
            {
                result = Run(expr.Lhs!);
                var step = result.Type == NodeType.Path ? result.Steps![^1] : result;
                if (step.Stages is not null || step.Predicates is not null)
                {
                    throw new JsonataException("S0215", "A context variable binding must precede any predicates on a step", expr.Position);
                }

                if (step.Type == NodeType.Sort)
                {
                    throw new JsonataException("S0216", "A context variable binding must precede the 'order-by' clause on a step", expr.Position);
                }

                if (expr.KeepArray)
                {
                    step.KeepArray = true;
                }

                step.Focus = expr.Rhs!.Value;
                step.Tuple = true;
                break;
            }

            case "#":
            {
                result = Run(expr.Lhs!);
                var step = result;
                if (result.Type == NodeType.Path)
                {
                    step = result.Steps![^1];
                }
                else
                {
                    result = new Node(NodeType.Path, ".", expr.Position) { Steps = [result] };
                    if (step.Predicates is not null)
                    {
                        step.Stages = step.Predicates;
                        step.Predicates = null;
                    }
                }

                if (step.Stages is null)
                {
                    step.Index = expr.Rhs!.Value;
                }
                else
                {
                    step.Stages.Add(new Node(NodeType.IndexStage, expr.Rhs!.Value, expr.Position));
                }

                step.Tuple = true;
                break;
            }

            case "~>":
                result = new Node(NodeType.Apply, "~>", expr.Position) { Lhs = Run(expr.Lhs!), Rhs = Run(expr.Rhs!) };
                result.KeepArray = result.Lhs.KeepArray || result.Rhs.KeepArray;
                break;
            default:
                result = expr;
                expr.Lhs = Run(expr.Lhs!);
                expr.Rhs = Run(expr.Rhs!);
                PushAncestry(result, expr.Lhs);
                PushAncestry(result, expr.Rhs);
                break;
        }

        return result;
    }

    private static Node TailCallOptimize(Node expr)
    {
        if (expr.Type == NodeType.Function && expr.Predicates is null)
        {
            return new Node(NodeType.Lambda, "thunk", expr.Position) { Thunk = true, Parameters = [], Body = expr };
        }

        if (expr.Type == NodeType.Condition)
        {
            expr.Then = TailCallOptimize(expr.Then!);
            if (expr.Else is not null)
            {
                expr.Else = TailCallOptimize(expr.Else);
            }
        }
        else if (expr.Type == NodeType.Block && expr.Expressions!.Count > 0)
        {
            expr.Expressions[^1] = TailCallOptimize(expr.Expressions[^1]);
        }

        return expr;
    }

    private static void PushAncestry(Node result, Node value)
    {
        if (value.SeekingParent is null && value.Type != NodeType.Parent)
        {
            return;
        }

        var slots = value.SeekingParent ?? [];
        if (value.Type == NodeType.Parent)
        {
            slots.Add(value.Slot!);
        }

        if (result.SeekingParent is null)
        {
            result.SeekingParent = slots;
        }
        else
        {
            result.SeekingParent.AddRange(slots);
        }
    }

    private static void ResolveAncestry(Node path)
    {
        var steps = path.Steps!;
        var last = steps[^1];
        var slots = last.SeekingParent ?? [];
        if (last.Type == NodeType.Parent)
        {
            slots.Add(last.Slot!);
        }

        foreach (var initial in slots)
        {
            var slot = initial;
            int index = steps.Count - 2;
            while (slot.Level > 0)
            {
                if (index < 0)
                {
                    (path.SeekingParent ??= []).Add(slot);
                    break;
                }

                var step = steps[index--];
                // Contiguous steps that bind a focus variable do not move the context: skip them together.
                while (index >= 0 && step.Focus is not null && steps[index].Focus is not null)
                {
                    step = steps[index--];
                }

                slot = SeekParent(step, slot);
            }
        }
    }

    private static ParentSlot SeekParent(Node node, ParentSlot slot)
    {
        switch (node.Type)
        {
            case NodeType.Name:
            case NodeType.Wildcard:
                slot.Level--;
                if (slot.Level == 0)
                {
                    if (node.AncestorLabel is null)
                    {
                        node.AncestorLabel = slot.Label;
                    }
                    else
                    {
                        slot.Label = node.AncestorLabel;
                    }

                    node.Tuple = true;
                }

                break;
            case NodeType.Parent:
                slot.Level++;
                break;
            case NodeType.Block:
                if (node.Expressions!.Count > 0)
                {
                    node.Tuple = true;
                    slot = SeekParent(node.Expressions[^1], slot);
                }

                break;
            case NodeType.Path:
            {
                node.Tuple = true;
                int index = node.Steps!.Count - 1;
                slot = SeekParent(node.Steps[index--], slot);
                while (slot.Level > 0 && index >= 0)
                {
                    slot = SeekParent(node.Steps[index--], slot);
                }

                break;
            }

            default:
                throw new JsonataException("S0217", "The object representing the 'parent' cannot be derived from this expression", node.Position, TypeName(node));
        }

        return slot;
    }

    private static string TypeName(Node node) => node.Type switch
    {
        NodeType.Parent => "parent",
        NodeType.Path => "path",
        NodeType.Binary => "binary",
        NodeType.Function => "function",
        NodeType.ArrayConstructor or NodeType.ObjectConstructor or NodeType.Negate => "unary",
        _ => node.Type.ToString().ToLowerInvariant(),
    };
}
