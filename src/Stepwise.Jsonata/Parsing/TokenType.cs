namespace Stepwise.Jsonata.Parsing;

/// <summary>The lexical classes of JSONata tokens (jsonata-js's token types).</summary>
internal enum TokenType : byte
{
    End,
    Operator,
    Name,
    Variable,
    String,
    Number,
    Value,
    Regex,
}
