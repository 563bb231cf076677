using Stepwise.Api.Protocol;

namespace Stepwise.Api.Validation;

/// <summary>
/// Names of state machines, executions and activities: 1–80 characters without white space, brackets
/// (<c>&lt; &gt; { } [ ]</c>), wildcards (<c>? *</c>), the characters <c>" # % \ ^ | ~ ` $ &amp; , ; : /</c> or control
/// characters (U+0000–U+001F, U+007F–U+009F), as the CreateStateMachine reference states. A bad character answers
/// <c>InvalidName</c> (<c>Invalid Name: '&lt;name&gt;'</c>, recorded); a bad length the model's <c>ValidationException</c>.
/// Alias names follow a stricter pattern checked by <see cref="ValidateAlias"/>.
/// </summary>
internal static class ResourceNames
{
    public const int MaxLength = 80;

    /// <summary>The pattern AWS quotes for alias names (letters, digits, <c>_ - .</c>, at least one non-digit).</summary>
    public const string AliasPattern = @"^(?=.*[a-zA-Z_\-\.])[a-zA-Z0-9_\-\.]+$";

    /// <summary>Checks a state machine, execution or activity name given in <paramref name="member"/>.</summary>
    public static void Validate(string name, string member = "name")
    {
        Constraints.Length(name, member, 1, MaxLength);
        foreach (char c in name)
        {
            if (!IsAllowed(c))
            {
                throw new ApiException("InvalidName", $"Invalid Name: '{name}'");
            }
        }
    }

    /// <summary>Checks an alias name: 1–80 characters matching <see cref="AliasPattern"/>.</summary>
    public static void ValidateAlias(string name, string member = "name")
    {
        Constraints.Length(name, member, 1, MaxLength);
        bool hasNonDigit = false;
        foreach (char c in name)
        {
            if (char.IsAsciiDigit(c))
            {
                continue;
            }

            if (!(char.IsAsciiLetter(c) || c is '_' or '-' or '.'))
            {
                throw AliasViolation(name, member);
            }

            hasNonDigit = true;
        }

        if (!hasNonDigit)
        {
            throw AliasViolation(name, member);
        }
    }

    private static ApiException AliasViolation(string name, string member) =>
        Constraints.Violation(name, member, $"Member must satisfy regular expression pattern: {AliasPattern}");

    private static bool IsAllowed(char c) =>
        !char.IsWhiteSpace(c)
        && c is not ('<' or '>' or '{' or '}' or '[' or ']' or '?' or '*' or '"' or '#' or '%' or '\\' or '^' or '|' or '~' or '`'
            or '$' or '&' or ',' or ';' or ':' or '/')
        && c is not ((>= '\u0000' and <= '\u001f') or (>= '\u007f' and <= '\u009f'));
}
