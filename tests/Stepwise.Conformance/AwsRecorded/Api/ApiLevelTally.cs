using Xunit.Abstractions;

namespace Stepwise.Conformance.AwsRecorded.Api;

/// <summary>Pass counts of the API-level cases (errors, TestState, ValidateStateMachineDefinition), per action.</summary>
public sealed class ApiLevelTally(IMessageSink sink) : ConformanceTally("api-level", sink);
