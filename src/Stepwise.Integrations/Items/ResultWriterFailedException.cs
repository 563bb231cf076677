namespace Stepwise.Integrations.Items;

/// <summary>The ResultWriter could not export results; recorded as <c>States.ResultWriterFailed</c> with <see cref="Exception.Message"/> as the cause.</summary>
public sealed class ResultWriterFailedException : Exception
{
    /// <summary>Creates the failure with AWS's cause text.</summary>
    public ResultWriterFailedException(string cause) : base(cause)
    {
    }

    /// <summary>Creates the failure with AWS's cause text and the fault underneath it.</summary>
    public ResultWriterFailedException(string cause, Exception inner) : base(cause, inner)
    {
    }
}
