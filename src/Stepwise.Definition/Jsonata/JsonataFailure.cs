namespace Stepwise.Definition.Jsonata;

/// <summary>
/// Why a JSONata field could not be evaluated: the field's location (<c>Output/result</c>), recorded in the
/// EvaluationFailed event, and AWS's cause text (without the state prefix the runtime adds).
/// </summary>
public sealed record JsonataFailure(string Location, string Cause);
