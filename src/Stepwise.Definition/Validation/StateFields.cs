namespace Stepwise.Definition.Validation;

/// <summary>
/// Which fields each state type accepts, and in which query language (the States Language spec plus AWS's JSONata
/// additions: https://docs.aws.amazon.com/step-functions/latest/dg/transforming-data.html).
/// </summary>
internal static class StateFields
{
    public const string Task = "Task", Pass = "Pass", Choice = "Choice", Wait = "Wait", Succeed = "Succeed",
        Fail = "Fail", Parallel = "Parallel", Map = "Map";

    public static bool IsStateType(string type) => type is Task or Pass or Choice or Wait or Succeed or Fail or Parallel or Map;

    /// <summary>True for the types that move on with Next or stop with End.</summary>
    public static bool HasTransition(string type) => type is Task or Pass or Wait or Parallel or Map;

    public static FieldUse Classify(string type, string field)
    {
        switch (field)
        {
            case "Type" or "Comment" or "QueryLanguage":
                return FieldUse.Any;
            case "Next" or "End":
                return HasTransition(type) ? FieldUse.Any : FieldUse.Unsupported;
            case "InputPath" or "OutputPath":
                return type == Fail ? FieldUse.Unsupported : FieldUse.JsonPathOnly;
            case "Output":
                return type == Fail ? FieldUse.Unsupported : FieldUse.JsonataOnly;
            case "Assign":
                return type is Succeed or Fail ? FieldUse.Unsupported : FieldUse.Any;
            case "ResultPath" or "Parameters":
                return type is Task or Pass or Parallel or Map ? FieldUse.JsonPathOnly : FieldUse.Unsupported;
            case "Arguments":
                return type is Task or Parallel ? FieldUse.JsonataOnly : FieldUse.Unsupported;
            case "ResultSelector":
                return type is Task or Parallel or Map ? FieldUse.JsonPathOnly : FieldUse.Unsupported;
            case "Retry" or "Catch":
                return type is Task or Parallel or Map ? FieldUse.Any : FieldUse.Unsupported;
        }

        return type switch
        {
            Pass => field == "Result" ? FieldUse.JsonPathOnly : FieldUse.Unsupported,
            Task => field switch
            {
                "Resource" or "TimeoutSeconds" or "HeartbeatSeconds" or "Credentials" => FieldUse.Any,
                "TimeoutSecondsPath" or "HeartbeatSecondsPath" => FieldUse.JsonPathOnly,
                _ => FieldUse.Unsupported,
            },
            Choice => field is "Choices" or "Default" ? FieldUse.Any : FieldUse.Unsupported,
            Wait => field switch
            {
                "Seconds" or "Timestamp" => FieldUse.Any,
                "SecondsPath" or "TimestampPath" => FieldUse.JsonPathOnly,
                _ => FieldUse.Unsupported,
            },
            Fail => field switch
            {
                "Error" or "Cause" => FieldUse.Any,
                "ErrorPath" or "CausePath" => FieldUse.JsonPathOnly,
                _ => FieldUse.Unsupported,
            },
            Parallel => field == "Branches" ? FieldUse.Any : FieldUse.Unsupported,
            Map => field switch
            {
                "ItemProcessor" or "Iterator" or "ItemReader" or "ItemSelector" or "ItemBatcher" or "ResultWriter"
                    or "MaxConcurrency" or "ToleratedFailurePercentage" or "ToleratedFailureCount" or "Label" => FieldUse.Any,
                "ItemsPath" or "MaxConcurrencyPath" or "ToleratedFailurePercentagePath" or "ToleratedFailureCountPath" => FieldUse.JsonPathOnly,
                "Items" => FieldUse.JsonataOnly,
                _ => FieldUse.Unsupported,
            },
            _ => FieldUse.Unsupported,
        };
    }
}
