using Stepwise.Json;

namespace Stepwise.Runtime.Testing;

/// <summary>
/// What a tested state gets instead of calling its resource (Task) or running its iterations or branches (Map,
/// Parallel): either a <see cref="Result"/> or an <see cref="Error"/> with its <see cref="Cause"/>.
/// </summary>
/// <param name="Result">The mocked result: the task's output, or the Map's or Parallel's array of results.</param>
/// <param name="Error">The mocked error, when <paramref name="Result"/> is null.</param>
/// <param name="Cause">The mocked error's cause.</param>
public sealed record StateTestMock(JsonValue? Result, string? Error = null, string? Cause = null);
