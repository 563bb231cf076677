namespace Stepwise.Api.Tags;

/// <summary>A tag as the API carries it: <c>{"key": …, "value": …}</c>.</summary>
public sealed record Tag(string? Key = null, string? Value = null);
