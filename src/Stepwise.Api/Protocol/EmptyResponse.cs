namespace Stepwise.Api.Protocol;

/// <summary>The empty response (<c>{}</c>) of actions that return no members.</summary>
public sealed record EmptyResponse;
