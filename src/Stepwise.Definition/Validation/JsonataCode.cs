using System.Text;

namespace Stepwise.Definition.Validation;

/// <summary>
/// A JSONata expression with its string literals and comments blanked out, so a search for an operator or a name finds
/// only code (<c>'a ?? b'</c> is a string, not the coalescing operator).
/// </summary>
internal readonly struct JsonataCode
{
    private readonly string _code;

    private JsonataCode(string code) => _code = code;

    public static JsonataCode Scan(string expression)
    {
        var code = new StringBuilder(expression.Length);
        for (int i = 0; i < expression.Length; i++)
        {
            char c = expression[i];
            if (c is '"' or '\'' or '`')
            {
                // Blank the literal up to its closing quote, honouring backslash escapes (backticks have none).
                code.Append(' ');
                int j = i + 1;
                while (j < expression.Length && expression[j] != c)
                {
                    j += c != '`' && expression[j] == '\\' ? 2 : 1;
                }

                code.Append(' ', Math.Min(j, expression.Length) - i);
                i = j;
                continue;
            }

            if (c == '/' && i + 1 < expression.Length && expression[i + 1] == '*')
            {
                int end = expression.IndexOf("*/", i + 2, StringComparison.Ordinal);
                int stop = end < 0 ? expression.Length : end + 2;
                code.Append(' ', stop - i);
                i = stop - 1;
                continue;
            }

            code.Append(c);
        }

        return new JsonataCode(code.ToString());
    }

    /// <summary>True when <paramref name="text"/> occurs in the code (outside literals and comments).</summary>
    public bool Contains(string text) => _code.Contains(text, StringComparison.Ordinal);
}
