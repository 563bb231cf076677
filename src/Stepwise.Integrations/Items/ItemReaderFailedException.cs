namespace Stepwise.Integrations.Items;

/// <summary>The ItemReader could not produce items; recorded as <c>States.ItemReaderFailed</c> with <see cref="Exception.Message"/> as the cause.</summary>
public sealed class ItemReaderFailedException : Exception
{
    /// <summary>Creates the failure with AWS's cause text.</summary>
    public ItemReaderFailedException(string cause) : base(cause)
    {
    }

    /// <summary>Creates the failure with AWS's cause text and the fault underneath it.</summary>
    public ItemReaderFailedException(string cause, Exception inner) : base(cause, inner)
    {
    }
}
