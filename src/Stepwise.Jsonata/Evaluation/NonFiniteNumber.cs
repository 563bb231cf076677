namespace Stepwise.Jsonata.Evaluation;

/// <summary>
/// An infinite or NaN result of arithmetic (<c>1/0</c>). JSON cannot hold one, but jsonata-js lets it flow until it is
/// used: as an operand it fails with D1001, <c>$string</c> fails with D3001, and written as JSON it is <c>null</c>.
/// </summary>
internal sealed class NonFiniteNumber(double value)
{
    public double Value { get; } = value;
}
