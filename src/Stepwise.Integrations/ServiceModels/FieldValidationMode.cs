namespace Stepwise.Integrations.ServiceModels;

/// <summary>How strictly TestState checks a mocked result against the API model of the service its Task calls (TestState's <c>mock.fieldValidationMode</c>).</summary>
public enum FieldValidationMode
{
    /// <summary>Every required field must be present, and every present field must conform to the model (AWS's default).</summary>
    Strict,

    /// <summary>Every present field must conform to the model; missing required fields are allowed.</summary>
    Present,

    /// <summary>No check.</summary>
    None,
}
