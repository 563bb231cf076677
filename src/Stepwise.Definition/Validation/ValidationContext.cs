namespace Stepwise.Definition.Validation;

/// <summary>
/// The state of one validation run. AWS validates in two phases: the schema (shapes, fields, values) and then, only
/// when the schema holds, the graph (transition targets, reachability, terminal states, duplicate names). A definition
/// with a schema error therefore never shows graph diagnostics, which the recorded responses confirm (a machine without
/// StartAt reports only the missing field, not its unreachable states).
/// </summary>
internal sealed class ValidationContext(ValidationOptions options)
{
    private readonly List<Diagnostic> _schema = [];
    private readonly List<Diagnostic> _graph = [];
    private readonly List<Diagnostic> _warnings = [];
    private readonly HashSet<string> _stateNames = new(StringComparer.Ordinal);

    public ValidationOptions Options { get; } = options;

    /// <summary>
    /// How many Distributed Maps with EXPRESS child executions enclose the states being walked: their states run as
    /// Express workflows and take Express's restrictions even in a STANDARD machine.
    /// </summary>
    public int ExpressChildDepth { get; set; }

    /// <summary>True when the states being walked run as an Express workflow.</summary>
    public bool InExpressWorkflow => Options.IsExpress || ExpressChildDepth > 0;

    /// <summary>True when the top-level QueryLanguage is JSONata (nested states inherit it, not their Map's).</summary>
    public bool MachineIsJsonata { get; set; }

    public void Schema(string message, string location) =>
        _schema.Add(new Diagnostic(DiagnosticCodes.SchemaValidationFailed, message, location, DiagnosticSeverity.Error));

    public void SchemaCode(string code, string message, string location) =>
        _schema.Add(new Diagnostic(code, message, location, DiagnosticSeverity.Error));

    public void Graph(string code, string message, string location) =>
        _graph.Add(new Diagnostic(code, message, location, DiagnosticSeverity.Error));

    /// <summary>A finding that does not reject the definition (AWS's NO_DOLLAR, NO_PATH, PASS_RESULT_IS_STATIC).</summary>
    public void Warning(string code, string message, string location) =>
        _warnings.Add(new Diagnostic(code, message, location, DiagnosticSeverity.Warning));

    /// <summary>Registers a state name; false when the name is already used anywhere in the definition.</summary>
    public bool RegisterStateName(string name) => _stateNames.Add(name);

    /// <summary>The errors of the first phase that found any, then the warnings.</summary>
    public ValidationResult ToResult(bool includeGraph)
    {
        var errors = _schema.Count != 0 || !includeGraph ? _schema : _graph;
        if (_warnings.Count == 0)
        {
            return new ValidationResult(errors.ToArray());
        }

        var all = new List<Diagnostic>(errors.Count + _warnings.Count);
        all.AddRange(errors);
        all.AddRange(_warnings);
        return new ValidationResult(all);
    }
}
