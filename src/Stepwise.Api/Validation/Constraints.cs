using System.Globalization;
using Stepwise.Api.Protocol;

namespace Stepwise.Api.Validation;

/// <summary>
/// AWS's request-model checks (required members, lengths, ranges, enums), which answer <c>ValidationException</c>
/// with the service framework's wording: <c>1 validation error detected: Value 'x' at 'member' failed to satisfy
/// constraint: Member must …</c>. Stepwise reports the first violation only.
/// </summary>
internal static class Constraints
{
    /// <summary>The value of a required member, or <c>ValidationException</c> when it is absent.</summary>
    public static T Required<T>(T? value, string member)
        where T : class =>
        value ?? throw Violation(null, member, "Member must not be null");

    /// <summary>Checks that <paramref name="value"/> has between <paramref name="min"/> and <paramref name="max"/> UTF-16 characters.</summary>
    public static void Length(string value, string member, int min, int max)
    {
        if (value.Length < min)
        {
            throw Violation(value, member, $"Member must have length greater than or equal to {min.ToString(CultureInfo.InvariantCulture)}");
        }

        if (value.Length > max)
        {
            throw Violation(value, member, $"Member must have length less than or equal to {max.ToString(CultureInfo.InvariantCulture)}");
        }
    }

    /// <summary>Checks that <paramref name="value"/> lies in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public static void Range(long value, string member, long min, long max)
    {
        string text = value.ToString(CultureInfo.InvariantCulture);
        if (value < min)
        {
            throw Violation(text, member, $"Member must have value greater than or equal to {min.ToString(CultureInfo.InvariantCulture)}");
        }

        if (value > max)
        {
            throw Violation(text, member, $"Member must have value less than or equal to {max.ToString(CultureInfo.InvariantCulture)}");
        }
    }

    /// <summary>Checks that <paramref name="value"/> is one of <paramref name="allowed"/> (case-sensitive, as AWS compares).</summary>
    public static void OneOf(string value, string member, IReadOnlyList<string> allowed)
    {
        foreach (string candidate in allowed)
        {
            if (string.Equals(candidate, value, StringComparison.Ordinal))
            {
                return;
            }
        }

        throw Violation(value, member, $"Member must satisfy enum value set: [{string.Join(", ", allowed)}]");
    }

    /// <summary>
    /// The <c>ValidationException</c> for <paramref name="member"/>. A null <paramref name="value"/> reads <c>Value null</c>;
    /// use <see cref="SensitiveViolation"/> for members AWS does not echo (inputs, outputs, definitions).
    /// </summary>
    public static ApiException Violation(string? value, string member, string constraint) =>
        new(ApiErrorTypes.Validation,
            $"1 validation error detected: Value {(value is null ? "null" : $"'{value}'")} at '{member}' failed to satisfy constraint: {constraint}");

    /// <summary>The <c>ValidationException</c> for a sensitive member, whose value AWS leaves out of the message.</summary>
    public static ApiException SensitiveViolation(string member, string constraint) =>
        new(ApiErrorTypes.Validation, $"1 validation error detected: Value at '{member}' failed to satisfy constraint: {constraint}");
}
