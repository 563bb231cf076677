using Stepwise.Json;
using Stepwise.Jsonata;

namespace Stepwise.Runtime.Decisions;

/// <summary>The seam between JSONata states and the variables machinery: variables are read as <c>$name</c>.</summary>
internal sealed partial class Stepper
{
    /// <summary>Makes the variables in scope of <paramref name="frame"/> visible as <c>$name</c>.</summary>
    private static void BindJsonataVariables(Frame frame, JsonataBindings bindings) =>
        frame.Variables.VisitVisible(bindings, static (b, name, value) => b.Set(name, value));
}
