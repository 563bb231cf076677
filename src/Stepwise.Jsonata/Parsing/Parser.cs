using Stepwise.Jsonata.Functions;

namespace Stepwise.Jsonata.Parsing;

/// <summary>
/// A Pratt (top-down operator precedence) parser with jsonata-js's binding powers and error codes. It produces raw nodes;
/// <see cref="AstProcessor"/> then rewrites them into the evaluated form.
/// </summary>
internal sealed class Parser
{
    /// <summary>
    /// The deepest nesting of sub-expressions accepted. Parsing and processing recurse per level, so an untrusted
    /// expression nested deeper fails with an error instead of exhausting the stack; real expressions nest far less.
    /// </summary>
    private const int MaxNesting = 500;

    private readonly Lexer _lexer;
    private Node _node = null!;
    private int _nesting;

    private Parser(string source) => _lexer = new Lexer(source);

    public static Node Parse(string source)
    {
        var parser = new Parser(source);
        parser.Advance(null, false);
        var expression = parser.Expression(0);
        if (parser._node.Type != NodeType.End)
        {
            throw new JsonataException("S0201", $"Syntax error: \"{parser._node.Value}\"", parser._node.Position, parser._node.Value);
        }

        return AstProcessor.Process(expression);
    }

    private static int BindingPower(Node node)
    {
        if (node.Type != NodeType.Operator)
        {
            return 0;
        }

        return node.Value switch
        {
            "." => 75,
            "[" or "(" or "@" or "#" => 80,
            "{" => 70,
            "*" or "/" or "%" => 60,
            "+" or "-" or "&" => 50,
            "=" or "<" or ">" or "!=" or "<=" or ">=" or "^" or "~>" or "in" or "??" or "?:" => 40,
            "and" => 30,
            "or" => 25,
            "?" => 20,
            ":=" => 10,
            _ => 0,
        };
    }

    private Node Advance(string? id, bool infix)
    {
        if (id is not null && !IsId(_node, id))
        {
            string code = _node.Type == NodeType.End ? "S0203" : "S0202";
            string message = _node.Type == NodeType.End
                ? $"Expected \"{id}\" before end of expression"
                : $"Expected \"{id}\", got \"{_node.Value}\"";
            throw new JsonataException(code, message, _node.Position, _node.Value);
        }

        var token = _lexer.Next(infix);
        var previous = _node;
        _node = token.Type switch
        {
            TokenType.End => new Node(NodeType.End, "(end)", token.Position),
            TokenType.Operator => CheckOperator(token),
            TokenType.Name => new Node(NodeType.Name, token.Value, token.Position),
            TokenType.Variable => new Node(NodeType.Variable, token.Value, token.Position),
            TokenType.String => new Node(NodeType.String, token.Value, token.Position) { Literal = token.Literal },
            TokenType.Number => new Node(NodeType.Number, token.Value, token.Position) { Literal = token.Literal },
            TokenType.Value => new Node(NodeType.Value, token.Value, token.Position) { Literal = token.Literal },
            _ => new Node(NodeType.Regex, token.Value, token.Position) { Regex = RegexTranslator.Create(token.Value, token.RegexFlags!, token.Position) },
        };
        return previous;
    }

    private static Node CheckOperator(Token token)
    {
        if (token.Value is "!" or "~")
        {
            throw new JsonataException("S0204", $"Unknown operator: \"{token.Value}\"", token.Position, token.Value);
        }

        return new Node(NodeType.Operator, token.Value, token.Position);
    }

    private static bool IsId(Node node, string id) => id switch
    {
        "(end)" => node.Type == NodeType.End,
        _ => node.Type == NodeType.Operator && node.Value == id,
    };

    private bool At(string op) => _node.Type == NodeType.Operator && _node.Value == op;

    private Node Expression(int rbp)
    {
        if (++_nesting > MaxNesting || !System.Runtime.CompilerServices.RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw new JsonataException("U1001", $"The expression nests more than {MaxNesting} levels deep", _node.Position);
        }

        try
        {
            return ExpressionCore(rbp);
        }
        finally
        {
            _nesting--;
        }
    }

    private Node ExpressionCore(int rbp)
    {
        var t = _node;
        Advance(null, true);
        var left = Nud(t);
        while (rbp < BindingPower(_node))
        {
            t = _node;
            Advance(null, false);
            left = Led(t, left);
        }

        return left;
    }

    private Node Nud(Node t)
    {
        switch (t.Type)
        {
            case NodeType.Name:
            case NodeType.Variable:
            case NodeType.String:
            case NodeType.Number:
            case NodeType.Value:
            case NodeType.Regex:
            case NodeType.End:
                return t;
            case NodeType.Operator:
                break;
            default:
                throw new JsonataException("S0211", $"The symbol \"{t.Value}\" cannot be used as a unary operator", t.Position, t.Value);
        }

        switch (t.Value)
        {
            case "and":
            case "or":
            case "in":
                return t;
            case "-":
                t.Type = NodeType.Negate;
                t.Expression = Expression(70);
                return t;
            case "*":
                t.Type = NodeType.Wildcard;
                return t;
            case "**":
                t.Type = NodeType.Descendant;
                return t;
            case "%":
                t.Type = NodeType.Parent;
                return t;
            case "(":
            {
                var expressions = new List<Node>();
                while (!At(")"))
                {
                    expressions.Add(Expression(0));
                    if (!At(";"))
                    {
                        break;
                    }

                    Advance(";", false);
                }

                Advance(")", true);
                t.Type = NodeType.Block;
                t.Expressions = expressions;
                return t;
            }

            case "[":
            {
                var items = new List<Node>();
                if (!At("]"))
                {
                    while (true)
                    {
                        var item = Expression(0);
                        if (At(".."))
                        {
                            var range = new Node(NodeType.Binary, "..", _node.Position) { Lhs = item };
                            Advance("..", false);
                            range.Rhs = Expression(0);
                            item = range;
                        }

                        items.Add(item);
                        if (!At(","))
                        {
                            break;
                        }

                        Advance(",", false);
                    }
                }

                Advance("]", true);
                t.Type = NodeType.ArrayConstructor;
                t.Expressions = items;
                return t;
            }

            case "{":
                t.Type = NodeType.ObjectConstructor;
                t.Pairs = ParseObject();
                return t;
            case "|":
            {
                t.Type = NodeType.Transform;
                t.Pattern = Expression(0);
                Advance("|", false);
                t.Update = Expression(0);
                if (At(","))
                {
                    Advance(",", false);
                    t.Delete = Expression(0);
                }

                Advance("|", false);
                return t;
            }

            default:
                throw new JsonataException("S0211", $"The symbol \"{t.Value}\" cannot be used as a unary operator", t.Position, t.Value);
        }
    }

    private List<(Node, Node)> ParseObject()
    {
        var pairs = new List<(Node, Node)>();
        if (!At("}"))
        {
            while (true)
            {
                var key = Expression(0);
                Advance(":", false);
                var value = Expression(0);
                pairs.Add((key, value));
                if (!At(","))
                {
                    break;
                }

                Advance(",", false);
            }
        }

        Advance("}", true);
        return pairs;
    }

    private Node Led(Node t, Node left)
    {
        switch (t.Value)
        {
            case "(":
                return ParseCall(t, left);
            case "[":
            {
                if (At("]"))
                {
                    // An empty predicate keeps singleton arrays in the output: flag the step it applies to.
                    var step = left;
                    while (step.Type == NodeType.Binary && step.Value == "[")
                    {
                        step = step.Lhs!;
                    }

                    step.KeepArray = true;
                    Advance("]", false);
                    return left;
                }

                t.Type = NodeType.Binary;
                t.Lhs = left;
                t.Rhs = Expression(0);
                Advance("]", true);
                return t;
            }

            case "{":
                t.Type = NodeType.Binary;
                t.Lhs = left;
                t.Pairs = ParseObject();
                return t;
            case ":=":
                if (left.Type != NodeType.Variable)
                {
                    throw new JsonataException("S0212", "The left side of := must be a variable name (start with $)", left.Position, left.Value);
                }

                t.Type = NodeType.Binary;
                t.Lhs = left;
                t.Rhs = Expression(9);
                return t;
            case "@":
            case "#":
                t.Type = NodeType.Binary;
                t.Lhs = left;
                t.Rhs = Expression(80);
                if (t.Rhs.Type != NodeType.Variable)
                {
                    throw new JsonataException("S0214", $"The right side of {t.Value} must be a variable name (start with $)", t.Rhs.Position, t.Value);
                }

                return t;
            case "?":
                t.Type = NodeType.Condition;
                t.Condition = left;
                t.Then = Expression(0);
                if (At(":"))
                {
                    Advance(":", false);
                    t.Else = Expression(0);
                }

                return t;
            case "??":
                t.Type = NodeType.Coalesce;
                t.Lhs = left;
                t.Rhs = Expression(0);
                return t;
            case "?:":
                t.Type = NodeType.Default;
                t.Lhs = left;
                t.Rhs = Expression(0);
                return t;
            case "^":
            {
                Advance("(", false);
                var terms = new List<(Node, bool)>();
                while (true)
                {
                    bool descending = false;
                    if (At("<"))
                    {
                        Advance("<", false);
                    }
                    else if (At(">"))
                    {
                        descending = true;
                        Advance(">", false);
                    }

                    terms.Add((Expression(0), descending));
                    if (!At(","))
                    {
                        break;
                    }

                    Advance(",", false);
                }

                Advance(")", false);
                t.Type = NodeType.Binary;
                t.Lhs = left;
                t.Terms = terms;
                return t;
            }

            default:
            {
                int bindingPower = BindingPower(t);
                t.Type = NodeType.Binary;
                t.Lhs = left;
                t.Rhs = Expression(bindingPower);
                return t;
            }
        }
    }

    private Node ParseCall(Node t, Node left)
    {
        t.Procedure = left;
        t.Type = NodeType.Function;
        t.Arguments = [];
        if (!At(")"))
        {
            while (true)
            {
                if (At("?"))
                {
                    t.Type = NodeType.Partial;
                    var placeholder = Advance("?", false);
                    placeholder.Type = NodeType.Placeholder;
                    t.Arguments.Add(placeholder);
                }
                else
                {
                    t.Arguments.Add(Expression(0));
                }

                if (!At(","))
                {
                    break;
                }

                Advance(",", false);
            }
        }

        Advance(")", true);
        if (left.Type == NodeType.Name && left.Value is "function" or "\u03BB")
        {
            var parameters = new List<string>();
            for (int i = 0; i < t.Arguments.Count; i++)
            {
                var arg = t.Arguments[i];
                if (arg.Type != NodeType.Variable)
                {
                    throw new JsonataException("S0208", $"Parameter {i + 1} of function definition must be a variable name (start with $)", arg.Position, arg.Value);
                }

                parameters.Add(arg.Value);
            }

            t.Type = NodeType.Lambda;
            t.Parameters = parameters;
            if (At("<"))
            {
                // The signature is read from the source text: its tokens are not JSONata tokens.
                int start = _node.Position - 1;
                string source = _lexer.Source;
                int depth = 0;
                int i = start;
                for (; i < source.Length; i++)
                {
                    if (source[i] == '<')
                    {
                        depth++;
                    }
                    else if (source[i] == '>' && --depth == 0)
                    {
                        break;
                    }
                    else if (source[i] == '{')
                    {
                        break;
                    }
                }

                if (depth != 0)
                {
                    throw new JsonataException("S0401", "Type parameters can only be applied to functions and arrays", i);
                }

                t.Signature = Signature.Parse(source.Substring(start, i - start + 1), start);
                _lexer.Position = i + 1;
                Advance(null, false);
            }

            Advance("{", false);
            t.Body = Expression(0);
            Advance("}", false);
        }

        return t;
    }
}
