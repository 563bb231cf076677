namespace Stepwise.Definition.Validation;

/// <summary>The two query languages a state can use.</summary>
internal enum QueryLanguage
{
    JsonPath,
    Jsonata,
}
