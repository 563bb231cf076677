using Stepwise.Api.Protocol;

namespace Stepwise.Api.Validation;

/// <summary>
/// Checks the ARNs a request names, as AWS does before it looks anything up: a text that is not a Step Functions ARN
/// answers <c>InvalidArn</c> with <c>Invalid Arn: 'Invalid ARN prefix: &lt;arn&gt;'</c>, an ARN of the wrong resource type
/// <c>Invalid Arn: 'Resource type not valid in this context: &lt;type&gt;'</c> (both recorded), an ARN whose parts do not
/// fit its type <c>Invalid Arn: 'Invalid ARN: &lt;arn&gt;'</c>. Lengths outside 1–256 answer the model's ValidationException.
/// </summary>
internal static class Arns
{
    public const int MaxLength = 256;

    /// <summary>The model's longer limit for map run ARNs (its LongArn shape).</summary>
    public const int MaxMapRunLength = 2000;

    /// <summary>A state machine ARN: unqualified, or with a version number or alias name when <paramref name="allowQualified"/>.</summary>
    public static StatesArn StateMachine(string? arn, string member, bool allowQualified = false)
    {
        var parsed = Parse(arn, member);
        RequireType(parsed, ArnResourceTypes.StateMachine);
        int max = allowQualified ? 2 : 1;
        if (parsed.Parts.Length > max)
        {
            throw Invalid(parsed.Arn);
        }

        return parsed;
    }

    /// <summary>A state machine version ARN (<c>…:stateMachine:&lt;name&gt;:&lt;number&gt;</c>).</summary>
    public static StatesArn Version(string? arn, string member)
    {
        var parsed = StateMachine(arn, member, allowQualified: true);
        if (!IsVersion(parsed))
        {
            throw Invalid(parsed.Arn);
        }

        return parsed;
    }

    /// <summary>A state machine alias ARN (<c>…:stateMachine:&lt;name&gt;:&lt;alias&gt;</c>).</summary>
    public static StatesArn Alias(string? arn, string member)
    {
        var parsed = StateMachine(arn, member, allowQualified: true);
        if (parsed.Parts.Length != 2 || IsVersion(parsed))
        {
            throw Invalid(parsed.Arn);
        }

        return parsed;
    }

    /// <summary>True for a version ARN: a qualifier of digits only (alias names hold at least one non-digit).</summary>
    public static bool IsVersion(StatesArn arn)
    {
        if (arn.Parts.Length != 2 || arn.Parts[1].Length == 0)
        {
            return false;
        }

        foreach (char c in arn.Parts[1])
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// An execution ARN (<c>…:execution:&lt;machine&gt;:&lt;name&gt;</c>); an Express one (<c>…:express:&lt;machine&gt;:&lt;name&gt;:&lt;id&gt;</c>)
    /// only when <paramref name="allowExpress"/> (AWS keeps no Express executions for the history and stop actions).
    /// </summary>
    public static StatesArn Execution(string? arn, string member, bool allowExpress = false)
    {
        var parsed = Parse(arn, member);
        if (allowExpress && string.Equals(parsed.ResourceType, ArnResourceTypes.Express, StringComparison.Ordinal))
        {
            return parsed.Parts.Length == 3 ? parsed : throw Invalid(parsed.Arn);
        }

        RequireType(parsed, ArnResourceTypes.Execution);
        return parsed.Parts.Length == 2 ? parsed : throw Invalid(parsed.Arn);
    }

    /// <summary>An activity ARN (<c>…:activity:&lt;name&gt;</c>).</summary>
    public static StatesArn Activity(string? arn, string member)
    {
        var parsed = Parse(arn, member);
        RequireType(parsed, ArnResourceTypes.Activity);
        return parsed.Parts.Length == 1 ? parsed : throw Invalid(parsed.Arn);
    }

    /// <summary>
    /// A map run ARN (<c>…:mapRun:&lt;machine&gt;/&lt;label&gt;:&lt;id&gt;</c>); the model allows these up to 2,000 characters.
    /// </summary>
    public static StatesArn MapRun(string? arn, string member)
    {
        var parsed = Parse(arn, member, MaxMapRunLength);
        RequireType(parsed, ArnResourceTypes.MapRun);
        return parsed.Parts.Length == 2 && parsed.Parts[0].Contains('/', StringComparison.Ordinal) ? parsed : throw Invalid(parsed.Arn);
    }

    /// <summary>Any Step Functions ARN, taken apart; the caller checks the resource type.</summary>
    public static StatesArn Parse(string? arn, string member, int maxLength = MaxLength)
    {
        string text = Constraints.Required(arn, member);
        Constraints.Length(text, member, 1, maxLength);
        string[] pieces = text.Split(':');
        if (pieces.Length < 7 || pieces[0] != "arn" || !pieces[1].StartsWith("aws", StringComparison.Ordinal) || pieces[2] != "states")
        {
            throw new ApiException("InvalidArn", $"Invalid Arn: 'Invalid ARN prefix: {text}'");
        }

        foreach (string piece in pieces.AsSpan(3))
        {
            if (piece.Length == 0)
            {
                throw Invalid(text);
            }
        }

        return new StatesArn(text, pieces[1], pieces[3], pieces[4], pieces[5], pieces[6..]);
    }

    /// <summary>The <c>InvalidArn</c> for an ARN of a known type whose parts do not fit it.</summary>
    public static ApiException Invalid(string arn) => new("InvalidArn", $"Invalid Arn: 'Invalid ARN: {arn}'");

    private static void RequireType(StatesArn arn, string resourceType)
    {
        if (!string.Equals(arn.ResourceType, resourceType, StringComparison.Ordinal))
        {
            throw new ApiException("InvalidArn", $"Invalid Arn: 'Resource type not valid in this context: {arn.ResourceType}'");
        }
    }
}
