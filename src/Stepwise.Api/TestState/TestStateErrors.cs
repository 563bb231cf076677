using Stepwise.Api.Protocol;

namespace Stepwise.Api.TestState;

/// <summary>The errors TestState answers with, worded as AWS words them.</summary>
internal static class TestStateErrors
{
    public const string InvalidDefinition = "InvalidDefinition";

    public static ApiException Validation(string message) => new(ApiErrorTypes.Validation, message);

    public static ApiException Definition(string message) => new(InvalidDefinition, message);

    public static ApiException Context(string problem) => Validation("Invalid Context object provided: " + problem);
}
