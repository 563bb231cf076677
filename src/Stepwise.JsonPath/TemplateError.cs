namespace Stepwise.JsonPath;

/// <summary>A problem found while compiling a payload template.</summary>
/// <param name="Pointer">A JSON Pointer to the offending key inside the template, e.g. <c>/a/b.$</c>.</param>
/// <param name="Message">What is wrong, worded for the person who wrote the definition.</param>
public readonly record struct TemplateError(string Pointer, string Message);
