using Stepwise.Json;

namespace Stepwise.Hosting.Durable;

/// <summary>
/// What starts one STANDARD child execution of a Map Run (<see cref="DurableEngine.StartMapRunChildAsync"/>): the run,
/// the child's position and name, its input (the item or batch, after
/// ItemSelector and ItemBatcher) and the ItemProcessor as a state machine definition (JSON text).
/// </summary>
internal sealed record MapRunChildStart(string MapRunArn, long Index,
    string Name, JsonValue Input, string ItemProcessorDefinition);
