using System.Text;
using Stepwise.Json;

namespace Stepwise.JsonPath.Intrinsics.Functions;

/// <summary>
/// A States.Format template split at its <c>{}</c> placeholders. <c>\{</c> and <c>\}</c> stand for literal braces and
/// never open a placeholder, <c>\\</c> for a backslash, <c>\'</c> for a quote. Any other unescaped brace makes the
/// template invalid: AWS fails 'Hello {', 'Hello {{}}' and '}' at run time (recorded against AWS in public
/// characterisation suites). A template written as a literal is split once, when the call is parsed; one that comes
/// from a path is split when it is evaluated.
/// </summary>
internal sealed class FormatTemplate
{
    // _literals[i] precedes placeholder i; the last one follows the last placeholder.
    private readonly string[] _literals;

    private FormatTemplate(string[] literals, bool isValid)
    {
        _literals = literals;
        IsValid = isValid;
    }

    /// <summary>False when a brace is neither escaped nor part of a <c>{}</c> placeholder.</summary>
    public bool IsValid { get; }

    /// <summary>How many arguments the template consumes.</summary>
    public int PlaceholderCount => _literals.Length - 1;

    /// <summary>Splits the template text (escapes still in it).</summary>
    public static FormatTemplate Parse(string text)
    {
        var literals = new List<string>();
        var current = new StringBuilder(text.Length);
        bool isValid = true;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '\\' && i + 1 < text.Length && text[i + 1] is '{' or '}' or '\\' or '\'')
            {
                current.Append(text[++i]);
            }
            else if (c == '{' && i + 1 < text.Length && text[i + 1] == '}')
            {
                literals.Add(current.ToString());
                current.Clear();
                i++;
            }
            else
            {
                isValid &= c is not ('{' or '}');
                current.Append(c);
            }
        }

        literals.Add(current.ToString());
        return new FormatTemplate(literals.ToArray(), isValid);
    }

    /// <summary>The template with each placeholder replaced by its argument. <paramref name="arguments"/> has exactly <see cref="PlaceholderCount"/> values.</summary>
    public string Render(ReadOnlySpan<JsonValue> arguments)
    {
        var builder = new StringBuilder();
        builder.Append(_literals[0]);
        for (int i = 0; i < arguments.Length; i++)
        {
            JavaText.Append(builder, arguments[i]);
            builder.Append(_literals[i + 1]);
        }

        return builder.ToString();
    }
}
