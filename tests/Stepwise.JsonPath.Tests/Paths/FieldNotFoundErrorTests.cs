using Stepwise.Json;

namespace Stepwise.JsonPath.Tests.Paths;

public sealed class FieldNotFoundErrorTests
{
    [Fact]
    public void Fail_state_ErrorPath_that_finds_nothing_gets_AWS_cause()
    {
        // scenarios/test_base_scenarios__test_invalid_jsonpath_INVALID_JSONPATH_IN_ERRORPATH_4ddf66.json
        var path = AslPath.Parse("$.ErrorX");
        var input = JsonValue.Parse("{\"Error\":\"e\",\"n\":[1.5]}");
        Assert.False(path.TryEvaluate(new PathScope(input, JsonObject.Empty), out _, out _));
        AslError error = path.FieldNotFoundError("ErrorPath", input);
        Assert.Equal(StatesErrors.Runtime, error.Error);
        Assert.Equal("The JSONPath '$.ErrorX' specified for the field 'ErrorPath' could not be found in the input '{\"Error\":\"e\",\"n\":[1.5]}'", error.Cause);
    }
}
