using System.CommandLine;

namespace Stepwise.Cli.Commands;

/// <summary>Options several commands share, spelled the same everywhere.</summary>
internal static class CommonOptions
{
    public static Option<bool> Json() => new("--json") { Description = "Print exactly one JSON object, for machines." };

    public static Option<string?> Input(string description) => new("--input")
    {
        Description = description + " Inline JSON, or @path to read it from a file.",
    };

    public static Option<string?> Config() => new("--config")
    {
        Description = "The integrations configuration (default: stepwise.json in the working directory, when present); environment variables such as LAMBDA_ENDPOINT win over it.",
    };
}
