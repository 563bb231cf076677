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

    private Signature(string text, Param[] parameters)
    {
        Text = text;
        _params = parameters;
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

        foreach (var parameter in parameters)
        {
            parameter.Complete();
        }

        return new Signature(text, parameters.ToArray());
    }

    /// <summary>Validates <paramref name="args"/>, returning the arguments the function receives.</summary>
    public object?[] Validate(object?[] args, object? context)
    {
        Span<char> symbols = args.Length <= 16 ? stackalloc char[args.Length] : new char[args.Length];
        for (int i = 0; i < args.Length; i++)
        {
            symbols[i] = Values.Symbol(args[i]);
        }

        Span<int> counts = _params.Length <= 16 ? stackalloc int[_params.Length] : new int[_params.Length];
        if (!Match(symbols, 0, 0, counts))
        {
            ThrowValidationError(args, symbols.ToString());
        }

        int total = 0;
        for (int p = 0; p < _params.Length; p++)
        {
            total += Math.Max(1, counts[p]);
        }

        var validated = new object?[total];
        int argIndex = 0;
        int next = 0;
        for (int p = 0; p < _params.Length; p++)
        {
            var param = _params[p];
            int matched = counts[p];
            if (matched == 0)
            {
                if (param.Context)
                {
                    if (!param.Accepts(Values.Symbol(context)))
                    {
                        throw new JsonataException("T0411", $"Context value is not a compatible type with argument {argIndex + 1} of function {{{{token}}}}", -1) { Index = argIndex + 1 };
                    }

                    validated[next++] = context;
                }
                else
                {
                    validated[next++] = argIndex < args.Length ? args[argIndex] : null;
                    argIndex++;
                }

                continue;
            }

            for (int m = 0; m < matched; m++)
            {
                // jsonata-js reads past the end of the arguments (undefined) when an optional parameter before a
                // repeated one consumed an argument its type did not match.
                bool present = argIndex < args.Length;
                var arg = present ? args[argIndex] : null;
                if (param.Type == "a")
                {
                    arg = CheckArray(param, arg, present ? symbols[argIndex] : 'm', matched, argIndex);
                }

                validated[next++] = arg;
                argIndex++;
            }
        }

        return validated;
    }

    /// <summary>
    /// Matches the argument types against the parameters as the equivalent regular expression would (greedy, lazy for
    /// <c>??</c>, backtracking), recording how many arguments each parameter takes.
    /// </summary>
    private bool Match(ReadOnlySpan<char> symbols, int p, int a, Span<int> counts)
    {
        if (p == _params.Length)
        {
            return a == symbols.Length;
        }

        var param = _params[p];
        int available = 0;
        while (a + available < symbols.Length && available < param.Max && param.Accepts(symbols[a + available]))
        {
            available++;
        }

        if (available < param.Min)
        {
            return false;
        }

        if (param.Lazy)
        {
            for (int c = param.Min; c <= available; c++)
            {
                if (Match(symbols, p + 1, a + c, counts))
                {
                    counts[p] = c;
                    return true;
                }
            }
        }
        else
        {
            for (int c = available; c >= param.Min; c--)
            {
                if (Match(symbols, p + 1, a + c, counts))
                {
                    counts[p] = c;
                    return true;
                }
            }
        }

        return false;
    }

    private static object? CheckArray(Param param, object? arg, char single, int matched, int argIndex)
    {
        if (single == 'm')
        {
            return null;
        }

        bool ok = true;
        if (param.Subtype is not null)
        {
            if (single != 'a' && (matched != 1 || param.Subtype != single.ToString()))
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
            // The function expects an array: a single value becomes a one-item array.
            var wrapped = new JList(1) { arg };
            return wrapped;
        }

        return arg;
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

        private string _accepted = string.Empty;

        public int Min { get; private set; }

        public int Max { get; private set; }

        public bool Lazy { get; private set; }

        public bool Accepts(char symbol) => _accepted.Contains(symbol, StringComparison.Ordinal);

        /// <summary>Reads the accepted types and the quantifier back from the regex fragment once parsing is done.</summary>
        public void Complete()
        {
            string r = Regex;
            int end = r[0] == '[' ? r.IndexOf(']', StringComparison.Ordinal) : 0;
            _accepted = r[0] == '[' ? r[1..end] : r[..1];
            string quantifier = r[(end + 1)..];
            (Min, Max, Lazy) = quantifier switch
            {
                "" => (1, 1, false),
                "?" => (0, 1, false),
                "??" => (0, 1, true),
                "+" => (1, int.MaxValue, false),
                "+?" => (1, int.MaxValue, true),
                _ => (0, int.MaxValue, false),
            };
        }
    }
}
