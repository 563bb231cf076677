using System.Text;
using System.Text.RegularExpressions;
using Stepwise.Jsonata.Evaluation;

namespace Stepwise.Jsonata.Functions;

/// <summary>
/// A function signature such as <c>&lt;s-nn?:s&gt;</c>, compiled once into a pattern over the one-letter types of the
/// arguments (jsonata-js's approach): matching validates the call, fills a missing context argument (<c>-</c>) from the
/// input, and wraps single values into arrays where an array is expected.
/// </summary>
internal sealed class Signature
{
    private readonly Param[] _params;
    private readonly Regex _regex;

    private Signature(string text, Param[] parameters)
    {
        Text = text;
        _params = parameters;
        var pattern = new StringBuilder("^");
        foreach (var p in parameters)
        {
            pattern.Append('(').Append(p.Regex).Append(')');
        }

        pattern.Append('$');
        _regex = new Regex(pattern.ToString(), RegexOptions.CultureInvariant);
    }

    public string Text { get; }

    public int ParameterCount => _params.Length;

    public static Signature Parse(string text, int position = 0)
    {
        var parameters = new List<Param>();
        int i = 1; // skip '<'
        Param? previous = null;
        while (i < text.Length)
        {
            char c = text[i];
            if (c == ':')
            {
                break; // the return type is not checked
            }

            if (c == '>')
            {
                break;
            }

            switch (c)
            {
                case 's' or 'n' or 'b' or 'l' or 'o':
                    previous = new Param(c.ToString(), "[" + c + "m]");
                    parameters.Add(previous);
                    break;
                case 'a':
                    previous = new Param("a", "[asnblfom]");
                    parameters.Add(previous);
                    break;
                case 'f':
                    previous = new Param("f", "f");
                    parameters.Add(previous);
                    break;
                case 'j':
                    previous = new Param("j", "[asnblom]");
                    parameters.Add(previous);
                    break;
                case 'x':
                    previous = new Param("x", "[asnblfom]");
                    parameters.Add(previous);
                    break;
                case '-':
                    previous!.Context = true;
                    previous.ContextRegex = new Regex("^" + previous.Regex + "$", RegexOptions.CultureInvariant);
                    previous.Regex += "?";
                    break;
                case '?':
                case '+':
                    previous!.Regex += c;
                    break;
                case '(':
                {
                    int end = text.IndexOf(')', i);
                    string choice = text.Substring(i + 1, end - i - 1);
                    if (choice.Contains('<', StringComparison.Ordinal))
                    {
                        throw new JsonataException("S0402", "Choice groups containing parameterized types are not supported", position + i);
                    }

                    previous = new Param("(" + choice + ")", "[" + choice + "m]");
                    parameters.Add(previous);
                    i = end;
                    break;
                }

                case '<':
                {
                    if (previous is null || previous.Type is not ("a" or "f"))
                    {
                        throw new JsonataException("S0401", "Type parameters can only be applied to functions and arrays", position + i);
                    }

                    int depth = 1;
                    int start = i + 1;
                    int j = start;
                    for (; j < text.Length && depth > 0; j++)
                    {
                        if (text[j] == '<')
                        {
                            depth++;
                        }
                        else if (text[j] == '>')
                        {
                            depth--;
                        }
                    }

                    string subtype = text.Substring(start, j - 1 - start);
                    if (previous.Type == "a")
                    {
                        previous.Subtype = subtype;
                    }

                    i = j - 1;
                    break;
                }

                default:
                    throw new JsonataException("S0401", "Type parameters can only be applied to functions and arrays", position + i);
            }

            i++;
        }

        return new Signature(text, parameters.ToArray());
    }

    /// <summary>Validates <paramref name="args"/>, returning the arguments the function receives.</summary>
    public object?[] Validate(object?[] args, object? context)
    {
        var symbols = new StringBuilder(args.Length);
        foreach (var arg in args)
        {
            symbols.Append(Values.Symbol(arg));
        }

        string supplied = symbols.ToString();
        var match = _regex.Match(supplied);
        if (!match.Success)
        {
            ThrowValidationError(args, supplied);
        }

        var validated = new List<object?>(_params.Length);
        int argIndex = 0;
        for (int p = 0; p < _params.Length; p++)
        {
            var param = _params[p];
            string matched = match.Groups[p + 1].Value;
            if (matched.Length == 0)
            {
                if (param.Context && param.ContextRegex is not null)
                {
                    char contextType = Values.Symbol(context);
                    if (param.ContextRegex.IsMatch(contextType.ToString()))
                    {
                        validated.Add(context);
                    }
                    else
                    {
                        throw new JsonataException("T0411", $"Context value is not a compatible type with argument {argIndex + 1} of function {{{{token}}}}", -1) { Index = argIndex + 1 };
                    }
                }
                else
                {
                    validated.Add(argIndex < args.Length ? args[argIndex] : null);
                    argIndex++;
                }

                continue;
            }

            foreach (char single in matched)
            {
                var arg = argIndex < args.Length ? args[argIndex] : null;
                if (param.Type == "a")
                {
                    if (single == 'm')
                    {
                        arg = null;
                    }
                    else
                    {
                        bool ok = true;
                        if (param.Subtype is not null)
                        {
                            if (single != 'a' && matched != param.Subtype)
                            {
                                ok = false;
                            }
                            else if (single == 'a' && ArrayView.TryGet(arg, out var view) && view.Count > 0)
                            {
                                char itemType = Values.Symbol(view[0]);
                                if (itemType != param.Subtype[0])
                                {
                                    ok = false;
                                }
                                else
                                {
                                    for (int k = 0; k < view.Count; k++)
                                    {
                                        if (Values.Symbol(view[k]) != itemType)
                                        {
                                            ok = false;
                                            break;
                                        }
                                    }
                                }
                            }
                        }

                        if (!ok)
                        {
                            string type = param.Subtype switch
                            {
                                "a" => "arrays",
                                "b" => "booleans",
                                "f" => "functions",
                                "n" => "numbers",
                                "o" => "objects",
                                "s" => "strings",
                                _ => param.Subtype!,
                            };
                            throw new JsonataException("T0412", $"Argument {argIndex + 1} of function {{{{token}}}} must be an array of {type}") { Index = argIndex + 1 };
                        }

                        if (single != 'a')
                        {
                            arg = JList.Sequence(arg);
                            ((JList)arg).IsSequence = false;
                        }
                    }
                }

                validated.Add(arg);
                argIndex++;
            }
        }

        return validated.ToArray();
    }

    private void ThrowValidationError(object?[] args, string supplied)
    {
        var partial = new StringBuilder("^");
        int goodTo = 0;
        foreach (var param in _params)
        {
            partial.Append(param.Regex);
            var match = Regex.Match(supplied, partial.ToString(), RegexOptions.CultureInvariant);
            if (!match.Success)
            {
                break;
            }

            goodTo = match.Length;
        }

        throw new JsonataException("T0410", $"Argument {goodTo + 1} of function {{{{token}}}} does not match function signature") { Index = goodTo + 1 };
    }

    private sealed class Param(string type, string regex)
    {
        public string Type = type;
        public string Regex = regex;
        public string? Subtype;
        public bool Context;
        public Regex? ContextRegex;
    }
}
