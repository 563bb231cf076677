namespace Stepwise.Integrations.Aws;

/// <summary>Where a <c>.sync</c> job stands, read from its service's description of it.</summary>
internal enum JobStatus
{
    Running,
    Succeeded,
    Failed,
}
