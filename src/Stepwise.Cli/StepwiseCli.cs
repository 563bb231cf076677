using System.CommandLine;
using Stepwise.Cli.Commands;

namespace Stepwise.Cli;

/// <summary>The <c>stepwise</c> command line: the composition root of every front the CLI offers.</summary>
public static class StepwiseCli
{
    /// <summary>Exit code of a run that did not succeed, or of an invalid definition or input.</summary>
    public const int Failure = 1;

    public static RootCommand Create() => new("Stepwise runs Amazon States Language state machines with AWS Step Functions semantics.")
    {
        ValidateCommand.Create(),
        RunCommand.Create(),
    };
}
