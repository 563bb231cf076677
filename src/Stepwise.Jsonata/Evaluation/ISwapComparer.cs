namespace Stepwise.Jsonata.Evaluation;

/// <summary>A jsonata-js sort comparator: returns true when the two items are out of order.</summary>
internal interface ISwapComparer
{
    bool Swap(object? a, object? b);
}
