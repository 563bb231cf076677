namespace Stepwise.Hosting.Durable;

/// <summary>
/// What the host needs besides the interpreter's snapshot to resume an execution anywhere: the definition revision it
/// runs, the seed of its random source and the mock test case it was started with.
/// </summary>
internal sealed record ExecutionHeader(string StateMachineArn, string RevisionId, int Seed, string? MockTestCase);
