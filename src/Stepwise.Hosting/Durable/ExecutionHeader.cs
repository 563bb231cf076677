namespace Stepwise.Hosting.Durable;

/// <summary>
/// What the host needs besides the interpreter's snapshot to resume an execution anywhere: the definition revision it
/// runs, the seed of its random source, the mock test case it was started with, and the client token of its last
/// redrive (a RedriveExecution repeated with the same token redrives once).
/// </summary>
internal sealed record ExecutionHeader(string StateMachineArn, string RevisionId, int Seed, string? MockTestCase, string? RedriveClientToken = null);
