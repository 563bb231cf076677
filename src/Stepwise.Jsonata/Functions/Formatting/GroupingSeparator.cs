namespace Stepwise.Jsonata.Functions.Formatting;

/// <summary>A grouping separator of a decimal digit pattern: its text and how many digits stand to its right.</summary>
internal readonly record struct GroupingSeparator(int Position, string Character);
