namespace Stepwise.JsonPath;

/// <summary>
/// An ASL runtime error as data: the <c>Error</c> name Retry and Catch match on, and the human-readable
/// <c>Cause</c>. Errors flow through Retry/Catch as values; they are never thrown (STYLE.md, Errors §2).
/// </summary>
/// <param name="Error">The error name, e.g. <see cref="StatesErrors.Runtime"/>.</param>
/// <param name="Cause">The cause text, exactly as AWS words it where the corpus shows the wording.</param>
public readonly record struct AslError(string Error, string Cause);
