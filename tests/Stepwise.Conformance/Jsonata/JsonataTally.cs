using Xunit.Abstractions;

namespace Stepwise.Conformance.Jsonata;

/// <summary>Pass counts per group of the jsonata-js test suite.</summary>
public sealed class JsonataTally(IMessageSink sink) : ConformanceTally("jsonata", sink);
