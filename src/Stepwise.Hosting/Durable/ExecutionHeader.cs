using System.Collections.Immutable;

namespace Stepwise.Hosting.Durable;

/// <summary>
/// What the host needs besides the interpreter's snapshot to resume an execution anywhere: the definition revision it
/// runs, the seed of its random source, the mock test case it was started with, and the client token of its last
/// redrive (a RedriveExecution repeated with the same token redrives once); for a child of a nested <c>.sync</c> task,
/// the <see cref="Parent"/> task its completion answers; for a parent, the <see cref="Children"/> its waiting
/// <c>.sync</c> tasks start (by task id), which stop when their task is no longer awaited. A child of a Map Run names
/// its run and position in <see cref="MapRunChild"/> and carries its own <see cref="Definition"/> (the Map's
/// ItemProcessor, which no stored state machine holds), so any node can resume it.
/// </summary>
internal sealed record ExecutionHeader(string StateMachineArn, string RevisionId, int Seed, string? MockTestCase, string? RedriveClientToken = null,
    ParentTask? Parent = null, ImmutableSortedDictionary<long, NestedChild>? Children = null, MapRunChildLink? MapRunChild = null,
    string? Definition = null);
