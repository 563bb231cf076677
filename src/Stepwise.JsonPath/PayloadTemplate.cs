using System.Diagnostics.CodeAnalysis;
using System.Text;
using Stepwise.Json;
using Stepwise.JsonPath.Templates;

namespace Stepwise.JsonPath;

/// <summary>
/// A compiled payload template (Parameters, ItemSelector, ResultSelector, Task and Map Parameters): keys ending in
/// <c>.$</c> lose the suffix and take the value of a path (<c>$.a</c>), a context path (<c>$$.Execution.Id</c>), a
/// variable path (<c>$var.a</c>) or an intrinsic function call (<c>States.Format(...)</c>); every other value is
/// copied by reference. Compile once per definition, evaluate many times; instances are immutable and thread-safe.
/// </summary>
public sealed class PayloadTemplate
{
    private readonly TemplateNode _root;

    private PayloadTemplate(TemplateNode root) => _root = root;

    /// <summary>
    /// Compiles <paramref name="template"/>, or returns false with every problem found (each with the JSON Pointer
    /// of the offending key, e.g. <c>/a/b.$</c>).
    /// </summary>
    public static bool TryCompile(JsonValue template, [NotNullWhen(true)] out PayloadTemplate? compiled, out IReadOnlyList<TemplateError> errors)
    {
        ArgumentNullException.ThrowIfNull(template);
        var compiler = new TemplateCompiler();
        TemplateNode root = compiler.Compile(template, string.Empty);
        errors = compiler.Errors;
        if (errors.Count > 0)
        {
            compiled = null;
            return false;
        }

        compiled = new PayloadTemplate(root);
        errors = [];
        return true;
    }

    /// <summary>Compiles <paramref name="template"/>.</summary>
    /// <exception cref="FormatException">The template is invalid; the message lists every error with its pointer.</exception>
    public static PayloadTemplate Compile(JsonValue template)
    {
        if (TryCompile(template, out PayloadTemplate? compiled, out IReadOnlyList<TemplateError> errors))
        {
            return compiled;
        }

        var message = new StringBuilder("The payload template is invalid:");
        foreach (TemplateError error in errors)
        {
            message.Append(' ').Append(error.Pointer.Length == 0 ? "/" : error.Pointer).Append(": ").Append(error.Message);
        }

        throw new FormatException(message.ToString());
    }

    /// <summary>
    /// Builds the payload for <paramref name="scope"/>. Fails with AWS's error and cause: <see cref="StatesErrors.Runtime"/>
    /// for a path that matches nothing (AWS raises it rather than States.ParameterPathFailure), or the error an
    /// intrinsic function reports (<see cref="StatesErrors.IntrinsicFailure"/>).
    /// </summary>
    public bool TryEvaluate(in PathScope scope, [NotNullWhen(true)] out JsonValue? result, out AslError error) =>
        _root.TryEvaluate(scope, out result, out error);
}
