namespace Stepwise.JsonPath.Paths;

/// <summary>The syntax of a path: where it starts and the tokens that follow.</summary>
internal sealed record ParsedPath(PathRoot Root, string? VariableName, PathToken[] Tokens);
