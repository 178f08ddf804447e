using System.CommandLine;
using Microsoft.Extensions.Hosting;

namespace Portal.Cli;

/// <summary>
/// The administration tool: the web app's configuration and services, driven from the command line.
/// Arguments shaped <c>--Key=Value</c> or <c>--Section:Key=Value</c> are configuration; the others are the command,
/// parsed by System.CommandLine against the definitions of <see cref="CliCommands"/>.
/// Exit codes: 0 done, 1 refused (nothing written), 2 bad arguments (nothing written).
/// </summary>
public static class CliApp
{
    public const int Done = 0;
    public const int Refused = 1;
    public const int BadArguments = 2;

    // Response files are off: a word starting with '@' stays a word, as it always was for this tool.
    private static readonly ParserConfiguration Parsing = new() { ResponseFileTokenReplacer = null };

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error,
        Action<IHostApplicationBuilder>? configure = null, TextReader? input = null)
    {
        var settings = args.Where(IsSetting).ToArray();
        var words = args.Where(a => !IsSetting(a)).ToArray();
        var cli = new CliContext(output, error, input ?? Console.In, settings, configure);
        var parsed = CliCommands.Root(cli).Parse(words, Parsing);
        if (parsed.Errors.Count > 0)
        {
            // System.CommandLine would print every error and the help: other tools read one line.
            await error.WriteLineAsync($"error: {ParseErrors.FirstLine(parsed)}");
            return BadArguments;
        }
        try
        {
            return await parsed.InvokeAsync(new InvocationConfiguration
            {
                Output = output,
                Error = error,
                EnableDefaultExceptionHandler = false,
                ProcessTerminationTimeout = null,
            });
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
        {
            // A bad setting (provider, connection string) surfaces when the first service is resolved.
            await error.WriteLineAsync($"error: {ex.Message}");
            return BadArguments;
        }
    }

    private static bool IsSetting(string arg) => arg.StartsWith("--", StringComparison.Ordinal) && arg.Contains('=', StringComparison.Ordinal);
}
