using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Domain.Access;
using Portal.Services.Audit;
using Portal.Services.Data;

namespace Portal.Services.Files;

/// <summary>
/// One kind of file an import reads: its columns, how a row becomes a change (or why it cannot), and how the changes
/// are saved. An instance serves one import, so it may keep what it loaded and what earlier rows said.
/// </summary>
public interface IImportFile<TRow>
{
    /// <summary>The file's name in the audit log (<c>advisors</c>, <c>forecast</c>).</summary>
    string Name { get; }

    /// <summary>Who imports: the feature's service checked this person may, and each row is checked for what they may change.</summary>
    Actor Actor { get; }

    ImportFormat Format { get; }

    /// <summary>Loads what the rows are checked against (sites, skills, advisors), once.</summary>
    Task PrepareAsync(PortalDbContext db, CancellationToken cancellationToken);

    /// <summary>The row's change, or the reason it is refused, in the user's language and without the row number.</summary>
    (TRow? Row, string? Error) Parse(CsvRow row);

    /// <summary>
    /// Checks the rows together once each one parsed (rules that span rows, such as an advisor's week); errors name their
    /// rows. Most files have no such rule.
    /// </summary>
    Task<IReadOnlyList<ImportError>> CheckAllAsync(PortalDbContext db, IReadOnlyList<TRow> rows, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ImportError>>([]);

    /// <summary>Applies every change to the context, audit entries included; the pipeline saves and commits them as one transaction.</summary>
    Task<ImportCounts> ApplyAsync(PortalDbContext db, IReadOnlyList<TRow> rows, CancellationToken cancellationToken);

    /// <summary>The sentence that tells the user what the import changed.</summary>
    string Summary(ImportCounts counts);
}

/// <summary>
/// Every file import of the portal: reads at most the configured size and rows, decodes and maps columns by header
/// (<see cref="CsvTable"/>), checks every row, and writes all or nothing in one transaction with its audit entries. It is
/// no command of its own: the feature's service checks who is asking, then hands it the file with that person.
/// </summary>
public sealed class ImportPipeline(IDbContextFactory<PortalDbContext> dbFactory, IOptions<ImportOptions> options, TimeProvider clock)
{
    public const int ListedErrors = 100;
    public const string AuditEntity = "Import";
    public const string AuditAction = "Import";

    public ImportOptions Limits => options.Value;

    public async Task<ImportResult> RunAsync<TRow>(Stream file, IImportFile<TRow> kind, CancellationToken cancellationToken = default)
    {
        var bytes = await ReadCappedAsync(file, Limits.MaxFileBytes, cancellationToken);
        if (bytes is null)
        {
            return ImportResult.Refused(Messages.Format("Import_TooLarge", Limits.MaxFileBytes / (1024 * 1024)));
        }
        var (lines, fileErrors) = CsvTable.Read(bytes, kind.Format, Limits.MaxRows);
        if (fileErrors.Count > 0 && lines.Count == 0)
        {
            return Refused(fileErrors);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await kind.PrepareAsync(db, cancellationToken);
        var errors = fileErrors.ToList();
        var rows = new List<TRow>(lines.Count);
        foreach (var line in lines)
        {
            var (row, error) = kind.Parse(line);
            if (error is not null)
            {
                errors.Add(new ImportError(line.Number, error));
            }
            else if (errors.Count == 0)
            {
                rows.Add(row!);
            }
        }
        if (errors.Count == 0)
        {
            errors.AddRange(await kind.CheckAllAsync(db, rows, cancellationToken));
        }
        if (errors.Count > 0)
        {
            return Refused(errors);
        }

        try
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var counts = await kind.ApplyAsync(db, rows, cancellationToken);
            if (counts.Created + counts.Updated + counts.Replaced > 0)
            {
                AuditLog.Record(db, kind.Actor, clock, AuditEntity, kind.Name, kind.Actor.RegionId, AuditAction, null, counts);
            }
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new ImportResult(true, counts, kind.Summary(counts), [], 0);
        }
        catch (DbUpdateException)
        {
            // Someone changed the same records meanwhile: the transaction was rolled back whole.
            return ImportResult.Refused(Messages.Format("Import_Failed"));
        }
    }

    private static ImportResult Refused(List<ImportError> errors) => ImportResult.Refused(
        errors.OrderBy(e => e.Row).Take(ListedErrors)
            .Select(e => e.Row > 0 ? e with { Message = Messages.Format("Import_Row", e.Row, e.Message) } : e).ToList(),
        Math.Max(0, errors.Count - ListedErrors));

    private static ImportResult Refused(IReadOnlyList<ImportError> errors) => Refused(errors.ToList());

    /// <summary>The file's bytes, or null when it is larger than the cap (reading stops there).</summary>
    private static async Task<byte[]?> ReadCappedAsync(Stream file, long cap, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81_920];
        int read;
        while ((read = await file.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > cap)
            {
                return null;
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
