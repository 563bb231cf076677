namespace Stepwise.Definition.Reading;

/// <summary>The text format of a definition.</summary>
public enum DefinitionFormat
{
    /// <summary>JSON when the first non-blank character is <c>{</c> or <c>[</c>, YAML otherwise.</summary>
    Auto,

    /// <summary>JSON only, as the AWS API accepts.</summary>
    Json,

    /// <summary>YAML 1.2 (core schema scalars), as the CLI and SAM templates write definitions.</summary>
    Yaml,
}
