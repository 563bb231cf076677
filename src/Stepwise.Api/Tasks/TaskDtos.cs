namespace Stepwise.Api.Tasks;

/// <summary>The <c>SendTaskSuccess</c> request.</summary>
public sealed record SendTaskSuccessRequest(string? TaskToken = null, string? Output = null);

/// <summary>The <c>SendTaskFailure</c> request.</summary>
public sealed record SendTaskFailureRequest(string? TaskToken = null, string? Error = null, string? Cause = null);

/// <summary>The <c>SendTaskHeartbeat</c> request.</summary>
public sealed record SendTaskHeartbeatRequest(string? TaskToken = null);

/// <summary>The response of the three SendTask actions (no members).</summary>
public sealed record SendTaskResponse;
