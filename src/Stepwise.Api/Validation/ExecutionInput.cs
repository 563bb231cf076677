using System.Text;
using Stepwise.Api.Protocol;
using Stepwise.Definition.Reading;
using Stepwise.Json;

namespace Stepwise.Api.Validation;

/// <summary>
/// An execution's <c>input</c> member: JSON text of at most 256 KiB (UTF-8 bytes, the limit AWS states for payloads).
/// Absent means <c>{}</c>. Text that is not JSON answers <c>InvalidExecutionInput</c> with the parser's wording, as AWS
/// quotes Jackson's: <c>Invalid State Machine Execution Input: 'Unrecognized token 'not': …'</c> (recorded).
/// </summary>
internal static class ExecutionInput
{
    public const int MaxBytes = 256 * 1024;

    /// <summary>Parses and checks <paramref name="input"/> given in <paramref name="member"/>.</summary>
    public static JsonValue Parse(string? input, string member = "input")
    {
        if (input is null)
        {
            return JsonObject.Empty;
        }

        if (Encoding.UTF8.GetByteCount(input) > MaxBytes)
        {
            throw Constraints.SensitiveViolation(member, $"Member must have length less than or equal to {MaxBytes}");
        }

        if (string.IsNullOrWhiteSpace(input))
        {
            throw Invalid("Invalid execution input.");
        }

        if (JsonValue.TryParse(input, out var value, out _))
        {
            return value;
        }

        throw Invalid(JsonSyntax.Describe(input));
    }

    private static ApiException Invalid(string reason) =>
        new("InvalidExecutionInput", $"Invalid State Machine Execution Input: '{reason}'");
}
