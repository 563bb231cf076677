namespace Stepwise.Api.Validation;

/// <summary>The resource types of Step Functions ARNs, as they appear after the account (<c>…:stateMachine:name</c>).</summary>
internal static class ArnResourceTypes
{
    public const string StateMachine = "stateMachine";
    public const string Execution = "execution";
    public const string Express = "express";
    public const string Activity = "activity";
    public const string MapRun = "mapRun";
}
