using System.CommandLine;
using Stepwise.Json;

namespace Stepwise.Cli.Tests;

/// <summary>Runs the <c>stepwise</c> command line in process from the repository root, capturing what it prints.</summary>
internal static class CliRunner
{
    private static readonly Lazy<string> s_root = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Stepwise.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("No Stepwise.slnx above the test binaries.");
    });

    public static string Root => s_root.Value;

    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int exitCode = await StepwiseCli.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (exitCode, output.ToString(), error.ToString());
    }

    /// <summary>Runs a command with <c>--json</c> and parses the one object it prints.</summary>
    public static async Task<(int ExitCode, JsonObject Json)> RunJsonAsync(params string[] args)
    {
        var (exitCode, output, error) = await RunAsync([.. args, "--json"]);
        Assert.True(output.Length > 0, $"No output; stderr: {error}");
        return (exitCode, JsonValue.Parse(output).AsObject());
    }

    /// <summary>A path below the repository root, as the README's commands spell it.</summary>
    public static string InRepo(string relative) => Path.Combine(Root, relative);
}
