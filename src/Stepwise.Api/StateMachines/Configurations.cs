namespace Stepwise.Api.StateMachines;

/// <summary>A state machine's logging configuration (<c>level</c> ALL, ERROR, FATAL or OFF; one CloudWatch Logs destination).</summary>
public sealed record LoggingConfiguration(string? Level = null, bool? IncludeExecutionData = null, IReadOnlyList<LogDestination>? Destinations = null);

/// <summary>One log destination.</summary>
public sealed record LogDestination(CloudWatchLogsLogGroup? CloudWatchLogsLogGroup = null);

/// <summary>A CloudWatch Logs log group, by ARN.</summary>
public sealed record CloudWatchLogsLogGroup(string? LogGroupArn = null);

/// <summary>A state machine's X-Ray tracing configuration.</summary>
public sealed record TracingConfiguration(bool? Enabled = null);

/// <summary>A state machine's encryption configuration (Stepwise keeps it as given; AWS-owned keys by default).</summary>
public sealed record EncryptionConfiguration(string? Type = null, string? KmsKeyId = null, int? KmsDataKeyReusePeriodSeconds = null);
