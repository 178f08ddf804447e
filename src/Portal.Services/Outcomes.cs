namespace Portal.Services;

/// <summary>How a change a user asked for ended.</summary>
public enum SaveOutcome
{
    Saved = 0,
    Invalid = 1,
    Conflict = 2,
    NotFound = 3,
}

/// <summary>The result of a save: the outcome and, when invalid, the message keys by field.</summary>
public sealed record SaveResult(SaveOutcome Outcome, IReadOnlyDictionary<string, string> Errors)
{
    public static SaveResult Saved { get; } = new(SaveOutcome.Saved, new Dictionary<string, string>());
    public static SaveResult Conflict { get; } = new(SaveOutcome.Conflict, new Dictionary<string, string>());
    public static SaveResult NotFound { get; } = new(SaveOutcome.NotFound, new Dictionary<string, string>());
    public static SaveResult Invalid(string field, string key) => new(SaveOutcome.Invalid, new Dictionary<string, string> { [field] = key });
}

/// <summary>One of the things a form offers to choose from.</summary>
public sealed record Choice(int Id, string Name);

/// <summary>A row-level error of a file import, in the user's language; row 0 speaks of the whole file.</summary>
public sealed record ImportError(int Row, string Message);
