namespace Stepwise.Integrations.Items;

/// <summary>The S3 call an ItemReader's resource names.</summary>
internal enum ReaderAction
{
    GetObject,
    ListObjectsV2,
}
