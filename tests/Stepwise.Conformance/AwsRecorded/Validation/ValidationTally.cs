using Xunit.Abstractions;

namespace Stepwise.Conformance.AwsRecorded.Validation;

/// <summary>Pass counts of the recorded validation cases, per corpus feature folder.</summary>
public sealed class ValidationTally(IMessageSink sink) : ConformanceTally("aws-recorded validation", sink);
