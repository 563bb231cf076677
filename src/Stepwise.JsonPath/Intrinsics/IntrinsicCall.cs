using System.Diagnostics.CodeAnalysis;
using Stepwise.Json;
using Stepwise.JsonPath.Intrinsics.Syntax;

namespace Stepwise.JsonPath.Intrinsics;

/// <summary>
/// A parsed intrinsic function call (<c>States.Format('{}', $.name)</c>), the value of a <c>"x.$"</c> key in a payload
/// template. Parse it once per definition; <see cref="TryEvaluate"/> never re-parses, so one instance serves every
/// execution (it holds no mutable state and is safe to share between threads).
/// </summary>
public sealed class IntrinsicCall
{
    private readonly CallExpression _root;

    private IntrinsicCall(string text, CallExpression root)
    {
        Text = text;
        _root = root;
    }

    /// <summary>The call as written in the definition; AWS quotes it verbatim in failure causes.</summary>
    public string Text { get; }

    /// <summary>The outermost function's name, e.g. <c>States.Format</c>.</summary>
    public string FunctionName => IntrinsicSignatures.Of(_root.Function).Name;

    /// <summary>
    /// True when evaluating the call draws from <see cref="PathScope.Random"/> (a States.UUID or an unseeded
    /// States.MathRandom anywhere in it), so the caller must supply the execution's seeded source.
    /// </summary>
    public bool RequiresRandom => _root.DrawsRandom;

    /// <summary>
    /// Parses <paramref name="text"/>. Fails, with a message that says what is wrong and at which position, for an
    /// unknown or miscased function name, a malformed literal (including escapes other than <c>\'</c>, <c>\{</c>,
    /// <c>\}</c>, <c>\\</c>), an invalid path, or text after the call. A wrong argument count is not a syntax error:
    /// AWS accepts it in a definition and fails the call when it runs, and so does <see cref="TryEvaluate"/>. The payload template
    /// reports such a call as AWS does: "The value for the field 'x.$' must be a valid JSONPath or a valid intrinsic
    /// function call".
    /// </summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out IntrinsicCall? call, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (IntrinsicParser.TryParse(text, out CallExpression? root, out error))
        {
            call = new IntrinsicCall(text, root);
            return true;
        }

        call = null;
        return false;
    }

    /// <summary>Parses <paramref name="text"/>; throws <see cref="FormatException"/> with the <see cref="TryParse"/> message.</summary>
    public static IntrinsicCall Parse(string text) =>
        TryParse(text, out IntrinsicCall? call, out string? error) ? call : throw new FormatException(error);

    /// <summary>
    /// Evaluates the call in <paramref name="scope"/>. States.UUID and States.MathRandom without a seed draw from
    /// <see cref="PathScope.Random"/>, which must then be set (<see cref="InvalidOperationException"/> otherwise).
    /// On failure the error is <see cref="StatesErrors.Runtime"/>, as AWS reports intrinsic failures, with the cause
    /// <c>The function '&lt;Text&gt;' had the following error: &lt;detail&gt;</c>, where the detail is
    /// <c>Invalid arguments in States.Name</c> for a wrong argument count or a rejected argument, or
    /// <c>The JsonPath argument for the field '$.x' could not be found in the input '&lt;input&gt;'</c> for a path
    /// that matches nothing. The runtime prefixes its usual
    /// <c>An error occurred while executing the state '&lt;name&gt;' (entered at the event id #&lt;n&gt;). </c>.
    /// </summary>
    public bool TryEvaluate(in PathScope scope, [NotNullWhen(true)] out JsonValue? value, out AslError error)
    {
        if (_root.TryEvaluate(scope, out value, out string? failure))
        {
            error = default;
            return true;
        }

        // The cause names the whole expression, also when a nested call failed.
        error = new AslError(StatesErrors.Runtime, $"The function '{Text}' had the following error: {failure}");
        return false;
    }

    /// <inheritdoc/>
    public override string ToString() => Text;
}
