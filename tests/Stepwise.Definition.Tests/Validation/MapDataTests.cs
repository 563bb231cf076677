using Stepwise.Definition.Validation;

namespace Stepwise.Definition.Tests.Validation;

public sealed class MapDataTests
{
    private const string Processor =
        "\"ItemProcessor\":{\"ProcessorConfig\":{\"Mode\":\"DISTRIBUTED\",\"ExecutionType\":\"STANDARD\"},\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}}";

    private static ValidationResult DistributedMap(string fields, bool jsonata = false) =>
        Asl.Validate("{" + (jsonata ? "\"QueryLanguage\":\"JSONata\"," : "")
            + "\"StartAt\":\"M\",\"States\":{\"M\":{\"Type\":\"Map\"," + fields + ",\"End\":true," + Processor + "}}}");

    [Fact]
    public void A_complete_distributed_map_is_accepted()
    {
        Asl.AssertValid(DistributedMap("""
            "ItemReader":{"Resource":"arn:aws:states:::s3:getObject","ReaderConfig":{"InputType":"CSV","CSVHeaderLocation":"GIVEN","CSVHeaders":["a"],"MaxItems":10},"Parameters":{"Bucket.$":"$.b","Key":"k"}},
            "ItemBatcher":{"MaxItemsPerBatch":5,"BatchInput":{"run.$":"$$.Execution.Id"}},
            "ResultWriter":{"Resource":"arn:aws:states:::s3:putObject","Parameters":{"Bucket":"out","Prefix":"p"},"WriterConfig":{"Transformation":"FLATTEN","OutputType":"JSONL"}},
            "ToleratedFailurePercentage":5,"Label":"run"
            """));
    }

    [Fact]
    public void An_ItemReader_resource_must_be_an_S3_read()
    {
        var diagnostic = Asl.Single(DistributedMap("""
            "ItemReader":{"Resource":"arn:aws:states:::s3:unknownOperation","Parameters":{"Bucket":"b"}}
            """));

        Assert.Equal("/States/M/ItemReader/Resource", diagnostic.Location);
    }

    [Fact]
    public void An_ItemReader_input_type_is_an_enumeration()
    {
        Asl.AssertSchema(
            DistributedMap("""
                "ItemReader":{"Resource":"arn:aws:states:::s3:getObject","ReaderConfig":{"InputType":"UNSUPPORTED"},"Parameters":{"Bucket":"b","Key":"k"}}
                """),
            "The field 'InputType' should have one of these values: [CSV, JSON, JSONL, MANIFEST, PARQUET]", "/States/M/ItemReader/ReaderConfig/InputType");
    }

    [Fact]
    public void An_empty_ResultWriter_is_rejected_at_the_ResultWriter()
    {
        Assert.Equal("/States/M/ResultWriter", Asl.Single(DistributedMap("\"ResultWriter\":{}")).Location);
    }

    [Fact]
    public void A_ResultWriter_resource_needs_its_Parameters()
    {
        Asl.AssertSchema(
            DistributedMap("\"ResultWriter\":{\"Resource\":\"arn:aws:states:::s3:putObject\"}"),
            "These fields are required: [Parameters]", "/States/M/ResultWriter");
    }

    [Fact]
    public void WriterConfig_needs_both_Transformation_and_OutputType()
    {
        Asl.AssertSchema(
            DistributedMap("\"ResultWriter\":{\"WriterConfig\":{\"Transformation\":\"COMPACT\"}}"),
            "These fields are required: [OutputType]", "/States/M/ResultWriter/WriterConfig");
    }

    [Fact]
    public void A_JSONata_ResultWriter_rejects_JSONPath_Parameters_at_the_field()
    {
        var diagnostic = Asl.Single(DistributedMap(
            "\"Items\":\"{% $states.input.items %}\",\"ResultWriter\":{\"Resource\":\"arn:aws:states:::s3:putObject\",\"Arguments\":{\"Bucket\":\"b\"},\"Parameters\":{\"Bucket\":\"c\"}}",
            jsonata: true));

        Assert.Equal("/States/M/ResultWriter/Parameters", diagnostic.Location);
    }

    [Fact]
    public void An_unknown_ItemBatcher_field_is_not_supported()
    {
        Asl.AssertSchema(DistributedMap("\"ItemBatcher\":{\"MaxItems\":5}"), "Field 'MaxItems' is not supported", "/States/M/ItemBatcher");
    }
}
