using System.CommandLine;
using Stepwise.Cli.Commands;

namespace Stepwise.Cli;

/// <summary>The <c>stepwise</c> command line: the composition root of every front the CLI offers.</summary>
public static class StepwiseCli
{
    /// <summary>Exit code of a run that did not succeed, or of an invalid definition or input.</summary>
    public const int Failure = 1;

    /// <summary>
    /// Parses a command line. Response files are off: <c>@file</c> is how <c>--input</c> names a file, as the AWS CLI's
    /// <c>file://</c> does, and must reach the option untouched.
    /// </summary>
    public static ParseResult Parse(IReadOnlyList<string> args) =>
        Create().Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });

    public static RootCommand Create() => new("Stepwise runs Amazon States Language state machines with AWS Step Functions semantics.")
    {
        ValidateCommand.Create(),
        RunCommand.Create(),
        JsonataCommand.Create(),
        ServeCommand.Create(),
        GraphCommand.Create(),
    };
}
