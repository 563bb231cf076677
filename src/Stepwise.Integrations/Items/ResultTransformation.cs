namespace Stepwise.Integrations.Items;

/// <summary>WriterConfig's Transformation: what each exported entry of a successful child holds.</summary>
internal enum ResultTransformation
{
    /// <summary>The whole execution record (ARN, name, input, output, dates, status).</summary>
    None,

    /// <summary>The child's output alone.</summary>
    Compact,

    /// <summary>The child's output alone, an array's elements each as an entry.</summary>
    Flatten,
}
