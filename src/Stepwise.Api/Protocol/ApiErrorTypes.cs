namespace Stepwise.Api.Protocol;

/// <summary>The protocol-level error names every AWS JSON 1.0 service answers with (the actions' own names live with them).</summary>
public static class ApiErrorTypes
{
    /// <summary>The body is not JSON, or a member has the wrong type.</summary>
    public const string Serialization = "SerializationException";

    /// <summary>The <c>X-Amz-Target</c> header names no action of the service.</summary>
    public const string UnknownOperation = "UnknownOperationException";

    /// <summary>A parameter breaks a constraint (length, pattern, range).</summary>
    public const string Validation = "ValidationException";

    /// <summary>A fault of the server; the message says what went wrong.</summary>
    public const string InternalFailure = "InternalFailure";
}
