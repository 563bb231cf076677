namespace Stepwise.Definition.Validation;

/// <summary>What a Choice comparison operator compares the Variable with.</summary>
internal enum OperandKind
{
    None,
    String,
    Number,
    Boolean,
    Timestamp,
    Path,
}
