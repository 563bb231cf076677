using Stepwise.Integrations.Aws;
using Stepwise.Integrations.Configuration;

namespace Stepwise.Integrations.Items;

/// <summary>
/// Builds the distributed Map's item I/O from the operator's configuration: the local root when one is set
/// (<see cref="IntegrationsConfiguration.S3LocalRoot"/>), else the configured <c>s3</c> endpoint. With neither, reads
/// and writes fail with <c>States.ItemReaderFailed</c>/<c>States.ResultWriterFailed</c> saying what to configure.
/// </summary>
public static class ItemIO
{
    /// <summary>The item source for ItemReaders.</summary>
    /// <param name="configuration">The integrations configuration.</param>
    /// <param name="defaultRegion">The region requests are signed for when the configuration names none.</param>
    /// <param name="time">The clock that dates signatures; null = the system clock.</param>
    public static IItemSource CreateItemSource(IntegrationsConfiguration configuration, string defaultRegion, TimeProvider? time = null) =>
        new ItemSource(Store(configuration, defaultRegion, time ?? TimeProvider.System));

    /// <summary>The result sink for ResultWriters.</summary>
    /// <param name="configuration">The integrations configuration.</param>
    /// <param name="defaultRegion">The region requests are signed for when the configuration names none.</param>
    /// <param name="time">The clock that dates signatures; null = the system clock.</param>
    public static IResultSink CreateResultSink(IntegrationsConfiguration configuration, string defaultRegion, TimeProvider? time = null) =>
        new ResultSink(Store(configuration, defaultRegion, time ?? TimeProvider.System));

    private static IObjectStore Store(IntegrationsConfiguration configuration, string defaultRegion, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentException.ThrowIfNullOrEmpty(defaultRegion);
        if (configuration.S3LocalRoot is { } root)
        {
            return new LocalObjectStore(root);
        }

        return configuration.GetEndpoint("s3") is { } endpoint
            ? new S3ObjectStore(new S3Client(SharedHttp.Client, endpoint, configuration.Credentials, configuration.Region ?? defaultRegion, time))
            : new UnconfiguredObjectStore();
    }
}
