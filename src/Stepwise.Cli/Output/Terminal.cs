using Spectre.Console;

namespace Stepwise.Cli.Output;

/// <summary>
/// A Spectre console over the command's output writer: colours on a terminal, plain text when redirected. Everything a
/// user typed (state names, payloads, causes) goes through <see cref="Markup.Escape"/> before it is printed.
/// </summary>
internal static class Terminal
{
    public static IAnsiConsole Over(TextWriter writer) => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(writer),
        Ansi = ReferenceEquals(writer, Console.Out) && !Console.IsOutputRedirected ? AnsiSupport.Detect : AnsiSupport.No,
        ColorSystem = ReferenceEquals(writer, Console.Out) && !Console.IsOutputRedirected ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        Interactive = InteractionSupport.No,
    });
}
