using Stepwise.Integrations.ServiceModels;
using Stepwise.Json;

namespace Stepwise.Integrations.Tests.ServiceModels;

/// <summary>Mocked Task results checked against the embedded API models, one kind of rule at a time.</summary>
public sealed class MockResultValidatorTests
{
    private const string StartExecution = "arn:aws:states:::aws-sdk:sfn:startExecution";
    private const string LambdaInvoke = "arn:aws:states:::lambda:invoke";
    private const string GetObject = "arn:aws:states:::aws-sdk:s3:getObject";
    private const string Prefix = "Mock result schema validation error: ";

    private static string? Validate(string resource, string result, FieldValidationMode mode = FieldValidationMode.Strict) =>
        MockResultValidator.Validate(resource, JsonValue.Parse(result), mode);

    [Fact]
    public void A_string_field_given_a_number_must_be_a_string()
    {
        Assert.Equal(Prefix + "Field 'ExecutionArn' must be a string",
            Validate(StartExecution, """{"ExecutionArn": 12, "StartDate": "2026-01-01T00:00:00Z"}"""));
    }

    [Fact]
    public void An_integer_field_refuses_text_and_fractions_but_takes_a_whole_number()
    {
        Assert.Equal(Prefix + "Field 'StatusCode' must be a number", Validate(LambdaInvoke, """{"StatusCode": "200"}"""));
        Assert.Equal(Prefix + "Field 'StatusCode' must be a number", Validate(LambdaInvoke, """{"StatusCode": 200.5}"""));
        Assert.Null(Validate(LambdaInvoke, """{"StatusCode": 200}"""));
    }

    [Fact]
    public void A_double_field_takes_a_fraction_and_refuses_text()
    {
        const string PutItem = "arn:aws:states:::dynamodb:putItem";
        Assert.Null(Validate(PutItem, """{"ConsumedCapacity": {"CapacityUnits": 1.5}}"""));
        Assert.Equal(Prefix + "Field 'CapacityUnits' must be a number", Validate(PutItem, """{"ConsumedCapacity": {"CapacityUnits": "1.5"}}"""));
    }

    [Fact]
    public void A_boolean_field_refuses_text()
    {
        Assert.Equal(Prefix + "Field 'DeleteMarker' must be a boolean", Validate(GetObject, """{"DeleteMarker": "true"}"""));
        Assert.Null(Validate(GetObject, """{"DeleteMarker": true}"""));
    }

    [Fact]
    public void An_enum_field_takes_only_the_models_values()
    {
        Assert.Equal(Prefix + "Field 'StorageClass' is not an expected value", Validate(GetObject, """{"StorageClass": "Papyrus"}"""));
        Assert.Null(Validate(GetObject, """{"StorageClass": "GLACIER"}"""));
    }

    [Theory]
    [InlineData(127, "is less than the minimum value")]
    [InlineData(10241, "exceeds the maximum value")]
    [InlineData(128, null)]
    [InlineData(10240, null)]
    public void A_number_outside_the_models_range_is_refused(int memory, string? problem)
    {
        Assert.Equal(problem is null ? null : Prefix + "Field 'MemorySize' " + problem,
            Validate("arn:aws:states:::aws-sdk:lambda:getFunction", "{\"Configuration\": {\"MemorySize\": " + memory + "}}"));
    }

    [Fact]
    public void A_blob_is_base64_text_whose_decoded_length_the_model_bounds()
    {
        const string Encrypt = "arn:aws:states:::aws-sdk:kms:encrypt";
        Assert.Equal(Prefix + "Field 'CiphertextBlob' is smaller than the minimum length", Validate(Encrypt, """{"CiphertextBlob": ""}"""));
        Assert.Equal(Prefix + "Field 'CiphertextBlob' must be a string", Validate(Encrypt, """{"CiphertextBlob": 123}"""));
        Assert.Null(Validate(Encrypt, """{"CiphertextBlob": "AQID"}"""));
        // 6144 bytes is the model's maximum: 6145 bytes encode to 8196 base64 characters.
        string tooLong = Convert.ToBase64String(new byte[6145]);
        Assert.Equal(Prefix + "Field 'CiphertextBlob' exceeds the maximum length", Validate(Encrypt, $$"""{"CiphertextBlob": "{{tooLong}}"}"""));
        Assert.Null(Validate(Encrypt, $$"""{"CiphertextBlob": "{{Convert.ToBase64String(new byte[6144])}}"}"""));
    }

    [Fact]
    public void A_strings_length_is_bounded_in_characters()
    {
        Assert.Equal(Prefix + "Field 'ExecutionArn' is smaller than the minimum length",
            Validate(StartExecution, """{"ExecutionArn": "", "StartDate": "2026-01-01T00:00:00Z"}"""));
        string arn = new('é', 257);
        Assert.Equal(Prefix + "Field 'ExecutionArn' exceeds the maximum length",
            Validate(StartExecution, $$"""{"ExecutionArn": "{{arn}}", "StartDate": "2026-01-01T00:00:00Z"}"""));
        Assert.Null(Validate(StartExecution, $$"""{"ExecutionArn": "{{arn[1..]}}", "StartDate": "2026-01-01T00:00:00Z"}"""));
    }

    [Fact]
    public void A_timestamp_is_text_not_epoch_seconds()
    {
        Assert.Equal(Prefix + "Field 'StartDate' must be a string", Validate(StartExecution, """{"ExecutionArn": "a", "StartDate": 1764103483}"""));
        Assert.Null(Validate(StartExecution, """{"ExecutionArn": "a", "StartDate": "2026-11-21T05:34:40.741130"}"""));
    }

    [Fact]
    public void Lists_are_arrays_whose_elements_are_checked_and_reported_by_the_lists_field()
    {
        const string PutEvents = "arn:aws:states:::events:putEvents";
        Assert.Equal(Prefix + "Field 'Entries' must be an array", Validate(PutEvents, """{"Entries": {"EventId": "a"}}"""));
        Assert.Equal(Prefix + "Field 'Entries' must be an object", Validate(PutEvents, """{"Entries": ["a"]}"""));
        Assert.Equal(Prefix + "Field 'EventId' must be a string", Validate(PutEvents, """{"Entries": [{"EventId": "a"}, {"EventId": ["b"]}]}"""));
    }

    [Fact]
    public void Maps_are_objects_whose_values_are_checked()
    {
        const string GetQueueAttributes = "arn:aws:states:::aws-sdk:sqs:getQueueAttributes";
        Assert.Equal(Prefix + "Field 'Attributes' must be an object", Validate(GetQueueAttributes, """{"Attributes": ["a"]}"""));
        Assert.Equal(Prefix + "Field 'Attributes' must be a string", Validate(GetQueueAttributes, """{"Attributes": {"DelaySeconds": 0}}"""));
        Assert.Null(Validate(GetQueueAttributes, """{"Attributes": {"DelaySeconds": "0"}}"""));
    }

    [Fact]
    public void A_lists_size_is_not_bounded_since_real_answers_break_the_models_bounds()
    {
        // The model says NamedQueryIds holds 1 to 50 ids; an account without named queries answers an empty list.
        Assert.Null(Validate("arn:aws:states:::aws-sdk:athena:listNamedQueries", """{"NamedQueryIds": []}"""));
    }

    [Fact]
    public void Recursive_shapes_are_checked_at_every_depth()
    {
        Assert.Equal(Prefix + "Field 'N' must be a string",
            Validate("arn:aws:states:::dynamodb:getItem", """{"Item": {"a": {"M": {"b": {"L": [{"S": "x"}, {"N": 5}]}}}}}"""));
    }

    [Fact]
    public void STRICT_requires_the_required_fields_at_every_depth_and_PRESENT_does_not()
    {
        Assert.Equal(Prefix + "Required field 'ExecutionArn' is missing", Validate(StartExecution, """{"executionArn": "a", "startDate": "b"}"""));
        Assert.Null(Validate(StartExecution, """{"executionArn": "a", "startDate": "b"}""", FieldValidationMode.Present));
        const string ListExecutions = "arn:aws:states:::aws-sdk:sfn:listExecutions";
        Assert.Equal(Prefix + "Required field 'ExecutionArn' is missing", Validate(ListExecutions, """{"Executions": [{}]}"""));
        Assert.Null(Validate(ListExecutions, """{"Executions": [{}]}""", FieldValidationMode.Present));
    }

    [Fact]
    public void PRESENT_still_checks_the_fields_that_are_there()
    {
        Assert.Equal(Prefix + "Field 'StartDate' must be a string", Validate(StartExecution, """{"StartDate": true}""", FieldValidationMode.Present));
    }

    [Fact]
    public void NONE_checks_nothing()
    {
        Assert.Null(Validate(StartExecution, """{"StartDate": true}""", FieldValidationMode.None));
        Assert.Null(Validate(StartExecution, "[1, 2]", FieldValidationMode.None));
    }

    [Fact]
    public void Fields_the_model_does_not_know_are_allowed_and_null_counts_as_absent()
    {
        Assert.Null(Validate("arn:aws:states:::events:putEvents", """{"random": "json", "SdkHttpMetadata": {"HttpStatusCode": 200}}"""));
        Assert.Equal(Prefix + "Required field 'StartDate' is missing", Validate(StartExecution, """{"ExecutionArn": "a", "StartDate": null}"""));
        Assert.Null(Validate(StartExecution, """{"ExecutionArn": "a", "StartDate": null}""", FieldValidationMode.Present));
    }

    [Fact]
    public void A_result_that_is_not_an_object_cannot_match_an_operations_output()
    {
        Assert.Equal(Prefix + "Mock result must be a JSON object", Validate(LambdaInvoke, "[1, 2]"));
    }

    [Fact]
    public void The_optimized_Lambda_invoke_returns_the_functions_JSON_in_Payload_where_the_SDK_returns_a_blob()
    {
        Assert.Null(Validate(LambdaInvoke, """{"Payload": {"answer": 42}, "StatusCode": 200}"""));
        Assert.Equal(Prefix + "Field 'Payload' must be a string", Validate("arn:aws:states:::aws-sdk:lambda:invoke", """{"Payload": {"answer": 42}}"""));
    }

    [Fact]
    public void The_optimized_and_SDK_forms_of_a_service_share_its_model_under_either_name()
    {
        Assert.Equal(Prefix + "Required field 'ExecutionArn' is missing", Validate("arn:aws:states:::states:startExecution", "{}"));
        Assert.Equal(Prefix + "Required field 'ExecutionArn' is missing", Validate("arn:aws:states:::aws-sdk:sfn:startExecution", "{}"));
        Assert.Equal(Prefix + "Field 'Entries' must be an array", Validate("arn:aws:states:::aws-sdk:eventbridge:putEvents", """{"Entries": 1}"""));
    }

    [Theory]
    [InlineData("arn:aws:states:::http:invoke")]
    [InlineData("arn:aws:states:::apigateway:invoke")]
    [InlineData("arn:aws:states:us-east-1:123456789012:activity:approve")]
    [InlineData("arn:aws:lambda:us-east-1:123456789012:function:f")]
    [InlineData("arn:aws:states:::aws-sdk:rekognition:detectLabels")]
    [InlineData("arn:aws:states:::aws-sdk:sfn:noSuchAction")]
    [InlineData("arn:aws:states:::states:startExecution.sync:2")]
    [InlineData("arn:aws:states:::sqs:sendMessage.waitForTaskToken")]
    public void Resources_without_a_model_or_whose_result_is_not_the_operations_output_are_not_checked(string resource)
    {
        Assert.Null(Validate(resource, """{"ExecutionArn": 1, "MessageId": 2, "StatusCode": "x"}"""));
    }
}
