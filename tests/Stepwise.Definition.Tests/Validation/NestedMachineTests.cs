namespace Stepwise.Definition.Tests.Validation;

public sealed class NestedMachineTests
{
    private const string Processor = """{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}""";

    [Fact]
    public void Parallel_Branches_cannot_be_empty()
    {
        Asl.AssertSchema(Asl.ValidateState("""{"Type":"Parallel","Branches":[],"End":true}"""), "Value cannot be empty", "/States/X/Branches");
    }

    [Fact]
    public void Parallel_needs_Branches()
    {
        Asl.AssertSchema(Asl.ValidateState("""{"Type":"Parallel","End":true}"""), "These fields are required: [Branches]", "/States/X");
    }

    [Fact]
    public void A_branch_needs_StartAt_and_States()
    {
        Asl.AssertSchema(Asl.ValidateState("""{"Type":"Parallel","Branches":[{}],"End":true}"""), "These fields are required: [States, StartAt]", "/States/X/Branches[0]");
    }

    [Fact]
    public void A_Map_needs_an_ItemProcessor()
    {
        Asl.AssertSchema(Asl.ValidateState("""{"Type":"Map","End":true}"""), "These fields are required: [ItemProcessor]", "/States/X");
    }

    [Fact]
    public void A_Map_cannot_have_both_ItemProcessor_and_Iterator()
    {
        Asl.AssertSchema(
            Asl.ValidateState($$$$$"""{"Type":"Map","End":true,"ItemProcessor":{{{{{Processor}}}}},"Iterator":{"StartAt":"Q","States":{"Q":{"Type":"Pass","End":true}}}}"""),
            "The fields 'ItemProcessor' and 'Iterator' cannot both be specified", "/States/X");
    }

    [Fact]
    public void The_legacy_Iterator_is_accepted_with_a_ProcessorConfig()
    {
        Asl.AssertValid(Asl.ValidateState("""{"Type":"Map","End":true,"Iterator":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}}"""));
    }

    [Fact]
    public void An_ItemProcessor_cannot_choose_its_own_QueryLanguage()
    {
        Asl.AssertSchema(
            Asl.ValidateState("""{"Type":"Map","End":true,"ItemProcessor":{"QueryLanguage":"JSONata","StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}}"""),
            "Field 'QueryLanguage' is not supported", "/States/X/ItemProcessor");
    }

    [Theory]
    [InlineData("Mode", "FAST", "The field 'Mode' should have one of these values: [INLINE, DISTRIBUTED]")]
    [InlineData("ExecutionType", "SLOW", "The field 'ExecutionType' should have one of these values: [STANDARD, EXPRESS]")]
    public void ProcessorConfig_values_are_enumerations(string field, string value, string message)
    {
        Asl.AssertSchema(
            Asl.ValidateState($$$$$"""{"Type":"Map","End":true,"ItemProcessor":{"ProcessorConfig":{"{{{{{field}}}}}":"{{{{{value}}}}}"},"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}}"""),
            message, "/States/X/ItemProcessor/ProcessorConfig/" + field);
    }

    [Theory]
    [InlineData("MaxConcurrency", "-1", "The value for the field 'MaxConcurrency' must be greater than or equal to 0")]
    [InlineData("ToleratedFailurePercentage", "101", "The value for the field 'ToleratedFailurePercentage' must be less than or equal to 100")]
    [InlineData("ToleratedFailureCount", "-2", "The value for the field 'ToleratedFailureCount' must be greater than or equal to 0")]
    [InlineData("ItemsPath", "\"items\"", "The value for the field 'ItemsPath' must be a valid JSONPath")]
    public void Map_values_are_checked(string field, string value, string message)
    {
        Asl.AssertSchema(Asl.ValidateState($$$$"""{"Type":"Map","End":true,"{{{{field}}}}":{{{{value}}}},"ItemProcessor":{{{{Processor}}}}}"""), message, "/States/X/" + field);
    }

    [Fact]
    public void A_huge_MaxConcurrency_is_accepted_as_AWS_caps_it_at_run_time()
    {
        Asl.AssertValid(Asl.ValidateState($$$$"""{"Type":"Map","End":true,"MaxConcurrency":9223372036854775807,"ItemProcessor":{{{{Processor}}}}}"""));
    }

    [Fact]
    public void MaxConcurrency_and_its_Path_exclude_each_other()
    {
        Asl.AssertSchema(
            Asl.ValidateState($$$$"""{"Type":"Map","End":true,"MaxConcurrency":2,"MaxConcurrencyPath":"$.limit","ItemProcessor":{{{{Processor}}}}}"""),
            "The fields 'MaxConcurrency' and 'MaxConcurrencyPath' cannot both be specified", "/States/X/MaxConcurrency");
    }

    [Fact]
    public void Schema_errors_inside_an_ItemProcessor_are_located_inside_it()
    {
        Asl.AssertSchema(
            Asl.ValidateState("""{"Type":"Map","End":true,"ItemProcessor":{"StartAt":"P","States":{"P":{"Type":"Pass","End":true,"Bogus":1}}}}"""),
            "Field 'Bogus' is not supported", "/States/X/ItemProcessor/States/P");
    }

    [Theory]
    [InlineData("MaxConcurrencyPath", "$.limits[*]")]
    [InlineData("ItemsPath", "$..items")]
    [InlineData("ToleratedFailureCountPath", "$.a[?(@.b)]")]
    public void Path_fields_that_read_one_value_must_be_reference_paths(string field, string path)
    {
        Asl.AssertSchema(
            Asl.ValidateState($$$$"""{"Type":"Map","End":true,"{{{{field}}}}":"{{{{path}}}}","ItemProcessor":{{{{Processor}}}}}"""),
            $"The value for the field '{field}' must be a valid ReferencePath", "/States/X/" + field);
    }
}
