namespace Stepwise.Definition.Validation;

/// <summary>Whether a field is allowed on a state type, and under which query language.</summary>
internal enum FieldUse
{
    Unsupported,
    Any,
    JsonPathOnly,
    JsonataOnly,
}
