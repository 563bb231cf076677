using System.Globalization;
using System.Text;
using Stepwise.Json;
using Stepwise.Jsonata.Evaluation;

namespace Stepwise.Jsonata.Functions;

/// <summary>String functions. Lengths and offsets count Unicode code points, as jsonata-js's <c>stringToArray</c> does.</summary>
internal static partial class FunctionLibrary
{
    private static void AddStrings(Register add)
    {
        add("string", "<x-b?:s>", 1, static (in CallContext _, object?[] args) =>
        {
            var arg = Arg(args, 0);
            if (arg is null)
            {
                return null;
            }

            if (arg is NonFiniteNumber)
            {
                throw Error("D3001", "Attempting to invoke string function on Infinity or NaN");
            }

            return Values.String(Values.Stringify(arg, ReferenceEquals(Arg(args, 1), JsonValue.True)));
        });
        add("substring", "<s-nn?:s>", 3, static (in CallContext _, object?[] args) =>
        {
            string? str = Str(args, 0);
            return str is null ? null : Values.String(Substring(str, Num(args, 1) ?? 0, Num(args, 2)));
        });
        add("substringBefore", "<s-s:s>", 2, static (in CallContext _, object?[] args) =>
        {
            string? str = Str(args, 0);
            string? chars = Str(args, 1);
            if (str is null)
            {
                return null;
            }

            if (chars is null)
            {
                return Values.String(str);
            }

            int pos = str.IndexOf(chars, StringComparison.Ordinal);
            return Values.String(pos > -1 ? str[..pos] : str);
        });
        add("substringAfter", "<s-s:s>", 2, static (in CallContext _, object?[] args) =>
        {
            string? str = Str(args, 0);
            string? chars = Str(args, 1);
            if (str is null)
            {
                return null;
            }

            if (chars is null)
            {
                return Values.String(str);
            }

            int pos = str.IndexOf(chars, StringComparison.Ordinal);
            return Values.String(pos > -1 ? str[(pos + chars.Length)..] : str);
        });
        add("lowercase", "<s-:s>", 1, static (in CallContext _, object?[] args) =>
            Str(args, 0) is { } s ? Values.String(s.ToLowerInvariant()) : null);
        add("uppercase", "<s-:s>", 1, static (in CallContext _, object?[] args) =>
            Str(args, 0) is { } s ? Values.String(s.ToUpperInvariant()) : null);
        add("length", "<s-:n>", 1, static (in CallContext _, object?[] args) =>
            Str(args, 0) is { } s ? JsonNumber.FromInt64(CodePointCount(s)) : null);
        add("trim", "<s-:s>", 1, static (in CallContext _, object?[] args) =>
            Str(args, 0) is { } s ? Values.String(Trim(s)) : null);
        add("pad", "<s-ns?:s>", 3, static (in CallContext _, object?[] args) =>
        {
            string? str = Str(args, 0);
            if (str is null)
            {
                return null;
            }

            string padChar = Str(args, 2) is { Length: > 0 } c ? c : " ";
            double width = Math.Truncate(Num(args, 1) ?? 0);
            int padLength = (int)Math.Abs(width) - CodePointCount(str);
            if (padLength <= 0)
            {
                return Values.String(str);
            }

            var padding = new StringBuilder();
            for (int i = 0; i < padLength; i++)
            {
                padding.Append(padChar);
            }

            string pad = padChar.Length > 1 ? Substring(padding.ToString(), 0, padLength) : padding.ToString();
            return Values.String(width > 0 ? str + pad : pad + str);
        });
        add("contains", "<s-(sf):b>", 2, static (in CallContext call, object?[] args) =>
        {
            string? str = Str(args, 0);
            if (str is null)
            {
                return null;
            }

            var token = Arg(args, 1);
            if (token is JsonString t)
            {
                return JsonValue.FromBoolean(str.Contains(t.Value, StringComparison.Ordinal));
            }

            if (token is null)
            {
                return null;
            }

            if (token is RegexFunction regex)
            {
                return JsonValue.FromBoolean(regex.Regex.IsMatch(str));
            }

            return JsonValue.FromBoolean(EvaluateMatcher(call, token, str) is not null);
        });
        add("match", "<s-f<s:o>n?:a<o>>", 3, static (in CallContext call, object?[] args) =>
        {
            string? str = Str(args, 0);
            if (str is null)
            {
                return null;
            }

            double? limit = Num(args, 2);
            if (limit < 0)
            {
                throw Error("D3040", "Third argument of match function must evaluate to a positive number", 3);
            }

            var result = JList.Sequence();
            if (limit is null || limit > 0)
            {
                var matches = EvaluateMatcher(call, Arg(args, 1)!, str);
                int count = 0;
                while (matches is not null && (limit is null || count < limit))
                {
                    var item = new JMap(3);
                    item.Set("match", Values.Property(matches, "match"));
                    item.Set("index", Values.Property(matches, "start"));
                    item.Set("groups", Values.Property(matches, "groups"));
                    result.Add(item);
                    matches = NextMatch(call, matches);
                    count++;
                }
            }

            return result;
        });
        add("replace", "<s-(sf)(sf)n?:s>", 4, static (in CallContext call, object?[] args) => Replace(call, args));
        add("split", "<s-(sf)n?:a<s>>", 3, static (in CallContext call, object?[] args) => Split(call, args));
        add("join", "<a<s>s?:s>", 2, static (in CallContext _, object?[] args) =>
        {
            if (!ArrayView.TryGet(Arg(args, 0), out var view))
            {
                return null;
            }

            string separator = Str(args, 1) ?? string.Empty;
            var text = new StringBuilder();
            for (int i = 0; i < view.Count; i++)
            {
                if (i > 0)
                {
                    text.Append(separator);
                }

                text.Append(((JsonString)view[i]!).Value);
            }

            return Values.String(text.ToString());
        });
    }

    internal static int CodePointCount(string s)
    {
        int count = 0;
        for (int i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                i++;
            }

            count++;
        }

        return count;
    }

    /// <summary>jsonata-js's <c>$substring</c>: JavaScript <c>Array.slice</c> over code points.</summary>
    internal static string Substring(string str, double start, double? length)
    {
        var points = new List<string>(str.Length);
        for (int i = 0; i < str.Length; i++)
        {
            if (char.IsHighSurrogate(str[i]) && i + 1 < str.Length && char.IsLowSurrogate(str[i + 1]))
            {
                points.Add(str.Substring(i, 2));
                i++;
            }
            else
            {
                points.Add(str[i].ToString());
            }
        }

        int count = points.Count;
        if (count + start < 0)
        {
            start = 0;
        }

        double end;
        if (length is { } len)
        {
            if (len <= 0)
            {
                return string.Empty;
            }

            end = start >= 0 ? start + len : count + start + len;
        }
        else
        {
            end = count;
        }

        int from = SliceIndex(start, count);
        int to = SliceIndex(end, count);
        var result = new StringBuilder();
        for (int i = from; i < to; i++)
        {
            result.Append(points[i]);
        }

        return result.ToString();
    }

    private static int SliceIndex(double index, int count)
    {
        double truncated = double.IsNaN(index) ? 0 : Math.Truncate(index);
        if (truncated < 0)
        {
            return (int)Math.Max(0, count + truncated);
        }

        return (int)Math.Min(truncated, count);
    }

    private static string Trim(string s)
    {
        var result = new StringBuilder(s.Length);
        bool inSpace = false;
        foreach (char c in s)
        {
            if (c is ' ' or '\t' or '\n' or '\r')
            {
                if (!inSpace)
                {
                    result.Append(' ');
                    inSpace = true;
                }
            }
            else
            {
                result.Append(c);
                inSpace = false;
            }
        }

        if (result.Length > 0 && result[0] == ' ')
        {
            result.Remove(0, 1);
        }

        if (result.Length > 0 && result[^1] == ' ')
        {
            result.Remove(result.Length - 1, 1);
        }

        return result.ToString();
    }

    /// <summary>Runs a matcher function (a regex or a custom one) on <paramref name="str"/>: the first match object, or null.</summary>
    private static object? EvaluateMatcher(in CallContext call, object matcher, string str)
    {
        var result = call.Evaluator.Apply(matcher, [Values.String(str)], null, call.Environment);
        if (result is not null && !(Values.Property(result, "start") is JsonNumber || Values.Property(result, "end") is JsonNumber
            || Values.IsArray(Values.Property(result, "groups")) || Values.Property(result, "next") is JsonataFunction))
        {
            throw Error("T1010", "The matcher function argument passed to function {{token}} does not return the correct object structure");
        }

        return result;
    }

    private static object? NextMatch(in CallContext call, object match) =>
        Values.Property(match, "next") is JsonataFunction next ? call.Evaluator.Apply(next, [], null, call.Environment) : null;

    private static object? Replace(in CallContext call, object?[] args)
    {
        string? str = Str(args, 0);
        if (str is null)
        {
            return null;
        }

        var pattern = Arg(args, 1);
        var replacement = Arg(args, 2);
        if (pattern is JsonString { Value.Length: 0 })
        {
            throw Error("D3010", "Second argument of replace function cannot be an empty string", 2);
        }

        double? limit = Num(args, 3);
        if (limit < 0)
        {
            throw Error("D3011", "Fourth argument of replace function must evaluate to a positive number", 4);
        }

        if (limit is not null && limit <= 0)
        {
            return Values.String(str);
        }

        var result = new StringBuilder();
        int position = 0;
        int count = 0;
        if (pattern is JsonString p)
        {
            string literal = replacement is JsonString r ? r.Value : string.Empty;
            int index = str.IndexOf(p.Value, StringComparison.Ordinal);
            while (index != -1 && (limit is null || count < limit))
            {
                result.Append(str, position, index - position).Append(literal);
                position = index + p.Value.Length;
                count++;
                index = str.IndexOf(p.Value, position, StringComparison.Ordinal);
            }

            result.Append(str, position, str.Length - position);
            return Values.String(result.ToString());
        }

        var matches = EvaluateMatcher(call, pattern!, str);
        if (matches is null)
        {
            return Values.String(str);
        }

        while (matches is not null && (limit is null || count < limit))
        {
            int start = (int)((JsonNumber)Values.Property(matches, "start")!).ToDouble();
            string matched = ((JsonString)Values.Property(matches, "match")!).Value;
            result.Append(str, position, start - position);
            if (replacement is JsonString template)
            {
                result.Append(Substitute(template.Value, matches));
            }
            else
            {
                var replaced = call.Evaluator.Apply(replacement, [matches], null, call.Environment);
                if (replaced is not JsonString replacedString)
                {
                    throw Error("D3012", "Attempted to replace a matched string with a non-string value");
                }

                result.Append(replacedString.Value);
            }

            position = start + matched.Length;
            count++;
            matches = NextMatch(call, matches);
        }

        result.Append(str, position, str.Length - position);
        return Values.String(result.ToString());
    }

    /// <summary>Expands <c>$0</c>, <c>$n</c> and <c>$$</c> in a replacement string as jsonata-js does.</summary>
    private static string Substitute(string replacement, object match)
    {
        ArrayView.TryGet(Values.Property(match, "groups"), out var groups);
        int groupCount = groups.Count;
        var substitute = new StringBuilder();
        int position = 0;
        int index = replacement.IndexOf('$', position);
        while (index != -1 && position < replacement.Length)
        {
            substitute.Append(replacement, position, index - position);
            position = index + 1;
            char dollarVal = position < replacement.Length ? replacement[position] : '\0';
            if (dollarVal == '$')
            {
                substitute.Append('$');
                position++;
            }
            else if (dollarVal == '0')
            {
                substitute.Append(((JsonString)Values.Property(match, "match")!).Value);
                position++;
            }
            else
            {
                int maxDigits = groupCount == 0 ? 1 : (int)Math.Floor(Math.Log10(groupCount)) + 1;
                int group = ParseLeadingInt(replacement, position, maxDigits);
                if (maxDigits > 1 && group > groupCount)
                {
                    group = ParseLeadingInt(replacement, position, maxDigits - 1);
                }

                if (group >= 0)
                {
                    if (groupCount > 0 && group >= 1 && group <= groupCount && groups[group - 1] is JsonString g)
                    {
                        substitute.Append(g.Value);
                    }

                    position += group.ToString(CultureInfo.InvariantCulture).Length;
                }
                else
                {
                    substitute.Append('$');
                }
            }

            index = replacement.IndexOf('$', position);
        }

        substitute.Append(replacement, Math.Min(position, replacement.Length), replacement.Length - Math.Min(position, replacement.Length));
        return substitute.ToString();
    }

    /// <summary>JavaScript's <c>parseInt</c> over at most <paramref name="maxDigits"/> characters; -1 for NaN.</summary>
    private static int ParseLeadingInt(string text, int start, int maxDigits)
    {
        int end = Math.Min(text.Length, start + maxDigits);
        int value = 0;
        int digits = 0;
        for (int i = start; i < end && char.IsAsciiDigit(text[i]); i++)
        {
            value = (value * 10) + (text[i] - '0');
            digits++;
        }

        return digits == 0 ? -1 : value;
    }

    private static object? Split(in CallContext call, object?[] args)
    {
        string? str = Str(args, 0);
        if (str is null)
        {
            return null;
        }

        double? limit = Num(args, 2);
        if (limit < 0)
        {
            throw Error("D3020", "Third argument of split function must evaluate to a positive number", 3);
        }

        var result = new JList();
        if (limit is not null && limit <= 0)
        {
            return result;
        }

        int max = limit is { } l ? (int)Math.Min(l, int.MaxValue) : int.MaxValue;
        var separator = Arg(args, 1);
        if (separator is JsonString sep)
        {
            if (sep.Value.Length == 0)
            {
                for (int i = 0; i < str.Length && result.Count < max; i++)
                {
                    result.Add(Values.String(str[i].ToString()));
                }

                return result;
            }

            int position = 0;
            while (result.Count < max)
            {
                int index = str.IndexOf(sep.Value, position, StringComparison.Ordinal);
                if (index < 0)
                {
                    result.Add(Values.String(str[position..]));
                    break;
                }

                result.Add(Values.String(str[position..index]));
                position = index + sep.Value.Length;
            }

            return result;
        }

        var matches = EvaluateMatcher(call, separator!, str);
        if (matches is null)
        {
            result.Add(Values.String(str));
            return result;
        }

        int start = 0;
        int count = 0;
        while (matches is not null && (limit is null || count < limit))
        {
            int matchStart = (int)((JsonNumber)Values.Property(matches, "start")!).ToDouble();
            result.Add(Values.String(str[start..matchStart]));
            start = (int)((JsonNumber)Values.Property(matches, "end")!).ToDouble();
            matches = NextMatch(call, matches);
            count++;
        }

        if (limit is null || count < limit)
        {
            result.Add(Values.String(str[start..]));
        }

        return result;
    }
}
