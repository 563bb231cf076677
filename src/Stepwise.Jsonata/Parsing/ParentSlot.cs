namespace Stepwise.Jsonata.Parsing;

/// <summary>
/// A parent operator (<c>%</c>) waiting to be resolved to the step whose context it names: <see cref="Level"/> counts
/// how many steps up it still has to climb.
/// </summary>
internal sealed class ParentSlot(string label, int level)
{
    public string Label = label;
    public int Level = level;
}
