using System.CommandLine;
using System.CommandLine.Parsing;

namespace Portal.Cli;

/// <summary>
/// The one line a bad command line gets, naming the argument at fault. System.CommandLine's own messages (several
/// lines, in the machine's language) are replaced by what the parse result says was wrong, in a fixed order:
/// a bad value, an unknown word, a missing option, a missing argument, a missing subcommand.
/// </summary>
internal static class ParseErrors
{
    public static string FirstLine(ParseResult parsed)
    {
        var result = parsed.CommandResult;
        var command = result.Command;
        if (parsed.Errors.Select(BadValue).FirstOrDefault(m => m is not null) is { } badValue)
        {
            return badValue;
        }
        if (parsed.UnmatchedTokens is [var token, ..])
        {
            return Unknown(result, token);
        }
        if (command.Options.FirstOrDefault(o => o.Required && parsed.GetResult(o) is not { IdentifierToken: not null }) is { } missing)
        {
            return $"'{missing.Name}' is required (usage: {Usage(result)})";
        }
        if (command.Arguments.FirstOrDefault(a => parsed.GetResult(a) is not { } given || given.Tokens.Count < a.Arity.MinimumNumberOfValues) is { } absent)
        {
            return $"'{absent.Name}' is required (usage: {Usage(result)})";
        }
        if (command.Subcommands.Count > 0 && command.Action is null)
        {
            return $"a command is required{After(result)} (expected {Names(command)}; see --help)";
        }
        return parsed.Errors[0].Message;
    }

    /// <summary>What is wrong with a value typed on the command line: our own parsers' and validators' messages name it.</summary>
    private static string? BadValue(ParseError error) => error.SymbolResult switch
    {
        OptionResult { IdentifierToken: not null, Tokens.Count: 0 } option => $"'{option.Option.Name}' needs a value",
        ArgumentResult { Parent: OptionResult { IdentifierToken: not null, Tokens.Count: 0 } option } => $"'{option.Option.Name}' needs a value",
        OptionResult { IdentifierToken: not null } or ArgumentResult { Parent: OptionResult { IdentifierToken: not null } } => error.Message,
        ArgumentResult { Parent: CommandResult, Tokens.Count: > 0 } => error.Message,
        _ => null,
    };

    private static string Unknown(CommandResult result, string token)
    {
        var command = result.Command;
        if (command.Subcommands.Count > 0)
        {
            return $"unknown command '{token}'{After(result)} (expected {Names(command)}; see --help)";
        }
        return command.Options.Count == 0 && command.Arguments.Count == 0
            ? $"'{Path(result)}' takes no argument, got '{token}'"
            : $"unknown argument '{token}' for '{Path(result)}' (usage: {Usage(result)})";
    }

    /// <summary>The command line this command expects, e.g. <c>coverage --region CODE --week YYYY-MM-DD [--channel NAME] --json</c>.</summary>
    private static string Usage(CommandResult result) => string.Join(' ',
        new[] { Path(result) }
            .Concat(result.Command.Arguments.Where(a => !a.Hidden).Select(a => a.Name))
            .Concat(result.Command.Options.Where(o => !o.Hidden).Select(Usage)));

    private static string Usage(Option option)
    {
        var usage = option.Arity.MaximumNumberOfValues == 0 ? option.Name : $"{option.Name} {option.HelpName ?? "VALUE"}";
        return option.Required ? usage : $"[{usage}]";
    }

    private static string Path(CommandResult result)
    {
        var names = new Stack<string>();
        for (SymbolResult? current = result; current is CommandResult { Command: not RootCommand } command; current = current.Parent)
        {
            names.Push(command.Command.Name);
        }
        return string.Join(' ', names);
    }

    private static string After(CommandResult result) => result.Command is RootCommand ? "" : $" after '{Path(result)}'";

    private static string Names(Command command) => string.Join(" | ", command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name));
}
