namespace Stepwise.Integrations.ServiceModels;

/// <summary>The type of an API model shape, as the AWS models (Smithy, botocore) name it.</summary>
internal enum ShapeKind
{
    Structure,
    List,
    Map,
    String,
    Blob,
    Boolean,
    Integer,
    Long,
    Float,
    Double,
    Timestamp,

    /// <summary>Any JSON value (a model's <c>document</c>, and an optimized Lambda invoke's <c>Payload</c>).</summary>
    Document,
}
