namespace Stepwise.Json;

/// <summary>A JSON text could not be parsed. The message says what is wrong and where (line and column when known).</summary>
public sealed class JsonParseException(string message, Exception? inner = null) : FormatException(message, inner);
