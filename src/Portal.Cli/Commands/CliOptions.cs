using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace Portal.Cli.Commands;

/// <summary>
/// The options and arguments the commands share. Typed values are read here with our own one-line message, so a
/// value that does not parse is named the same way by every command.
/// </summary>
internal static class CliOptions
{
    public static Option<string> Text(string name, string helpName, string description, bool required = false) => new(name)
    {
        HelpName = helpName,
        Description = description,
        Required = required,
        CustomParser = result => Read(result, name, "", (string text, out string value) =>
        {
            value = text;
            return true;
        }),
    };

    /// <summary>A role argument, by its exact name.</summary>
    public static Argument<Portal.Domain.Access.PortalRole> Role() => new("ROLE")
    {
        HelpName = "ROLE",
        Description = $"One of {string.Join(" | ", Enum.GetNames<Portal.Domain.Access.PortalRole>())}.",
        CustomParser = result =>
        {
            var text = result.Tokens[0].Value;
            if (Enum.TryParse<Portal.Domain.Access.PortalRole>(text, ignoreCase: false, out var value) && Enum.IsDefined(value))
            {
                return value;
            }
            result.AddError($"unknown role '{text}' (expected {string.Join(" | ", Enum.GetNames<Portal.Domain.Access.PortalRole>())})");
            return default;
        },
    };

    /// <summary>A switch without a value; <c>--json</c> is required where the result exists only as JSON.</summary>
    public static Option<bool> Json(bool required) => new("--json")
    {
        Description = required ? "Print the result as JSON (the only output of this command)." : "Print the result as JSON.",
        Arity = ArgumentArity.Zero,
        Required = required,
    };

    /// <summary>A number; required when it has no <paramref name="fallback"/>.</summary>
    public static Option<double> Number(string name, string helpName, string description, double? fallback = null)
    {
        var option = new Option<double>(name)
        {
            HelpName = helpName,
            Description = description,
            Required = fallback is null,
            CustomParser = result => Read(result, name, "a number", (string text, out double value) =>
                double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value)),
        };
        if (fallback is { } value)
        {
            option.DefaultValueFactory = _ => value;
        }
        return option;
    }

    /// <summary>A whole number; required when it has no <paramref name="fallback"/>.</summary>
    public static Option<int> WholeNumber(string name, string helpName, string description, int? fallback = null)
    {
        var option = new Option<int>(name)
        {
            HelpName = helpName,
            Description = description,
            Required = fallback is null,
            CustomParser = result => Read(result, name, "a whole number", (string text, out int value) =>
                int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value)),
        };
        if (fallback is { } value)
        {
            option.DefaultValueFactory = _ => value;
        }
        return option;
    }

    public static Option<DateOnly> Date(string name, string description) => new(name)
    {
        HelpName = "YYYY-MM-DD",
        Description = description,
        Required = true,
        CustomParser = result => Read(result, name, "a date as YYYY-MM-DD", (string text, out DateOnly value) =>
            DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out value)),
    };

    /// <summary>The file an import reads: refused before anything runs when it does not exist.</summary>
    public static Argument<string> ExistingFile(string description)
    {
        var file = new Argument<string>("FILE") { Description = description };
        file.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string>() is { } path && !File.Exists(path))
            {
                result.AddError($"no file '{path}'");
            }
        });
        return file;
    }

    /// <summary>The file an export writes: its folder must exist.</summary>
    public static Argument<string> NewFile(string description)
    {
        var file = new Argument<string>("FILE") { Description = description };
        file.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string>() is { } path && !Directory.Exists(Path.GetDirectoryName(Path.GetFullPath(path))))
            {
                result.AddError($"no folder for '{path}'");
            }
        });
        return file;
    }

    private delegate bool TryRead<T>(string text, out T value);

    private static T? Read<T>(ArgumentResult result, string name, string expected, TryRead<T> parse)
    {
        if (result.Tokens is not [var token])
        {
            // No value: System.CommandLine reports the missing value itself.
            return default;
        }
        // System.CommandLine would take the next option's name as this option's value.
        if (token.Value.StartsWith("--", StringComparison.Ordinal))
        {
            result.AddError($"'{name}' needs a value");
            return default;
        }
        if (parse(token.Value, out var value))
        {
            return value;
        }
        result.AddError($"'{name}' must be {expected}, got '{token.Value}'");
        return default;
    }
}
