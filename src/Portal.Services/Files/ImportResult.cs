namespace Portal.Services.Files;

/// <summary>What an import counted: rows read, records created, updated, left unchanged, and whole days (or sets) replaced.</summary>
public sealed record ImportCounts(int Rows, int Created = 0, int Updated = 0, int Unchanged = 0, int Replaced = 0);

/// <summary>
/// The outcome of every file import: done, with its counts and a sentence saying what changed; or refused, with the
/// errors (the first <see cref="ImportPipeline.ListedErrors"/>, and how many more) and nothing written.
/// </summary>
public sealed record ImportResult(bool Succeeded, ImportCounts Counts, string Summary, IReadOnlyList<ImportError> Errors, int MoreErrors)
{
    public static ImportResult Refused(IReadOnlyList<ImportError> errors, int more = 0) => new(false, new ImportCounts(0), "", errors, more);

    public static ImportResult Refused(string message) => Refused([new ImportError(0, message)]);
}
