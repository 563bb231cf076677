namespace Stepwise.Hosting.Durable;

/// <summary>The Map Run a child execution belongs to and its position (item or batch index) in the run.</summary>
internal sealed record MapRunChildLink(string MapRunArn, long Index);
