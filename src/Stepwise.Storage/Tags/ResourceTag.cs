namespace Stepwise.Storage.Tags;

/// <summary>One tag of a state machine or activity: a key and its value (which may be empty).</summary>
public sealed record ResourceTag(string Key, string Value);
