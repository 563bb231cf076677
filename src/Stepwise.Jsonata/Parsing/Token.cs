using Stepwise.Json;

namespace Stepwise.Jsonata.Parsing;

/// <summary>
/// One token. <see cref="Position"/> is the offset just past the token, as jsonata-js reports positions.
/// <see cref="Literal"/> holds the JSON value of string, number and value tokens.
/// </summary>
internal readonly record struct Token(TokenType Type, string Value, int Position, JsonValue? Literal = null, string? RegexFlags = null);
