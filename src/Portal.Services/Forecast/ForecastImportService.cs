using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Domain.Forecast;
using Portal.Domain.Time;
using Portal.Services.Audit;
using Portal.Services.Data;

namespace Portal.Services.Forecast;

/// <summary>The outcome: the file's rows, the intervals stored (whole days), the days replaced; or the errors.</summary>
public sealed record ImportResult(bool Succeeded, int Intervals, int Stored, int Days, IReadOnlyList<ImportError> Errors, int MoreErrors)
{
    public static ImportResult Failed(IReadOnlyList<ImportError> errors, int more) => new(false, 0, 0, 0, errors, more);
}

/// <summary>
/// Replaces the forecast of a region and channel for the days a CSV file covers. The file is UTF-8, separated by
/// semicolons, with the header <c>region;channel;start;contacts;aht</c>; <c>start</c> is the local start of a
/// 30-minute interval (<c>2026-12-14 08:00</c>; the repeated hour of the autumn change takes its offset,
/// <c>2026-10-25 02:00+01:00</c>). All or nothing: any bad row leaves the stored forecast as it was, and every bad row is
/// named. Intervals of a covered day that the file leaves out expect no contact.
/// </summary>
public sealed class ForecastImportService(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock)
{
    public const string Header = "region;channel;start;contacts;aht";
    private const int ListedErrors = 100;
    private static readonly string[] StartFormats = ["yyyy-MM-dd HH:mm", "yyyy-MM-ddTHH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm:ss"];

    private readonly LocalCalendar calendar = LocalCalendar.Paris;

    /// <param name="onlyRegion">When given (an import from a region's page), rows of any other region are refused.</param>
    public async Task<ImportResult> ImportAsync(Actor actor, Stream csv, string? onlyRegion = null, CancellationToken cancellationToken = default)
    {
        string text;
        try
        {
            using var reader = new StreamReader(csv, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true);
            text = await reader.ReadToEndAsync(cancellationToken);
        }
        catch (DecoderFallbackException)
        {
            return Fail(Messages.Format("Import_Encoding"));
        }
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        while (lines.Count > 0 && lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }
        if (lines.Count == 0 || lines.All(string.IsNullOrWhiteSpace))
        {
            return Fail(Messages.Format("Import_Empty"));
        }
        var header = lines[0].Trim().ToLowerInvariant();
        if (header != Header)
        {
            var other = new[] { ',', '\t', '|' }.FirstOrDefault(c => header.Replace(c, ';') == Header);
            return Fail(other != default
                ? Messages.Format("Import_Delimiter", other == '\t' ? Messages.Format("Import_Tab") : other.ToString())
                : Messages.Format("Import_Header", Header));
        }
        if (lines.Count == 1)
        {
            return Fail(Messages.Format("Import_NoRows"));
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var regions = (await db.Regions.AsNoTracking().Select(r => new { r.Id, r.Code }).ToListAsync(cancellationToken))
            .Where(r => AccessRules.CanChange(actor, Area.Coverage, r.Id))
            .Where(r => onlyRegion is null || string.Equals(r.Code, onlyRegion, StringComparison.OrdinalIgnoreCase))
            .ToDictionary(r => r.Code, r => r.Id, StringComparer.OrdinalIgnoreCase);
        var channels = await db.Channels.AsNoTracking().ToDictionaryAsync(c => c.Code, c => c.Id, StringComparer.OrdinalIgnoreCase, cancellationToken);

        var errors = new List<ImportError>();
        var rows = new Dictionary<(int Region, int Channel, DateTime StartUtc), (int Row, ForecastInterval Interval)>();
        for (var i = 1; i < lines.Count; i++)
        {
            var row = i + 1;
            if (string.IsNullOrWhiteSpace(lines[i]))
            {
                continue;
            }
            var error = ParseRow(lines[i], row, regions, channels, out var interval);
            if (error is null && rows.TryGetValue((interval!.RegionId, interval.ChannelId, interval.StartUtc), out var first))
            {
                error = Messages.Format("Import_Duplicate", row, lines[i].Split(';')[2].Trim(), first.Row);
            }
            if (error is not null)
            {
                errors.Add(new ImportError(row, error));
                continue;
            }
            rows[(interval!.RegionId, interval.ChannelId, interval.StartUtc)] = (row, interval);
        }
        if (errors.Count > 0)
        {
            return ImportResult.Failed(errors.Take(ListedErrors).ToList(), Math.Max(0, errors.Count - ListedErrors));
        }

        var imported = rows.Values.Select(r => r.Interval).ToList();
        try
        {
            var (days, stored) = await ReplaceAsync(db, actor, imported, cancellationToken);
            return new ImportResult(true, imported.Count, stored, days, [], 0);
        }
        catch (DbUpdateException)
        {
            // Another import of the same days at the same moment: the transaction was rolled back whole.
            return Fail(Messages.Format("Import_Failed"));
        }
    }

    private string? ParseRow(string line, int row, Dictionary<string, int> regions, Dictionary<string, int> channels, out ForecastInterval? interval)
    {
        interval = null;
        var cells = line.Split(';').Select(c => c.Trim()).ToArray();
        if (cells.Length != 5)
        {
            return Messages.Format("Import_Columns", row, cells.Length);
        }
        if (!regions.TryGetValue(cells[0], out var regionId))
        {
            return Messages.Format("Import_Region", row, cells[0]);
        }
        if (!channels.TryGetValue(cells[1], out var channelId))
        {
            return Messages.Format("Import_Channel", row, cells[1]);
        }
        var (startUtc, localDate, startError) = ParseStart(cells[2], row);
        if (startError is not null)
        {
            return startError;
        }
        if (!TryNumber(cells[3], out var contacts) || contacts < 0)
        {
            return Messages.Format("Import_Contacts", row, cells[3]);
        }
        if (!TryNumber(cells[4], out var aht) || aht <= 0)
        {
            return Messages.Format("Import_Aht", row, cells[4]);
        }
        interval = new ForecastInterval
        {
            RegionId = regionId, ChannelId = channelId, LocalDate = localDate, StartUtc = startUtc,
            Contacts = contacts, AverageHandlingSeconds = aht, Source = ForecastSource.Imported,
        };
        return null;
    }

    /// <summary>The UTC start of the interval a local time names, refusing a time that does not exist or exists twice without an offset.</summary>
    private (DateTime StartUtc, DateOnly LocalDate, string? Error) ParseStart(string text, int row)
    {
        var offsetText = text.Length > 6 && (text[^6] == '+' || text[^6] == '-') ? text[^6..] : null;
        var localText = offsetText is null ? text : text[..^6];
        if (!DateTime.TryParseExact(localText, StartFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return (default, default, Messages.Format("Import_Start", row, text));
        }
        if (local.Minute % 30 != 0 || local.Second != 0)
        {
            return (default, default, Messages.Format("Import_HalfHour", row, text));
        }
        if (calendar.Zone.IsInvalidTime(local))
        {
            return (default, default, Messages.Format("Import_Skipped", row, text));
        }
        DateTime utc;
        if (offsetText is not null)
        {
            if (!TimeSpan.TryParseExact(offsetText[1..], "hh\\:mm", CultureInfo.InvariantCulture, out var offset))
            {
                return (default, default, Messages.Format("Import_Start", row, text));
            }
            offset = offsetText[0] == '-' ? -offset : offset;
            var offsets = calendar.Zone.IsAmbiguousTime(local) ? calendar.Zone.GetAmbiguousTimeOffsets(local) : [calendar.Zone.GetUtcOffset(local)];
            if (!offsets.Contains(offset))
            {
                return (default, default, Messages.Format("Import_Offset", row, text));
            }
            utc = DateTime.SpecifyKind(local - offset, DateTimeKind.Utc);
        }
        else if (calendar.Zone.IsAmbiguousTime(local))
        {
            return (default, default, Messages.Format("Import_Ambiguous", row, text));
        }
        else
        {
            utc = calendar.ToUtc(local);
        }
        return (utc, DateOnly.FromDateTime(local), null);
    }

    /// <summary>Numbers with a point or a comma as decimal separator (both are met in French files).</summary>
    private static bool TryNumber(string text, out double value) =>
        double.TryParse(text.Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    /// <summary>The days the file covers are replaced whole, in one transaction, with an audit entry per region and channel.</summary>
    private async Task<(int Days, int Stored)> ReplaceAsync(PortalDbContext db, Actor actor, List<ForecastInterval> imported, CancellationToken cancellationToken)
    {
        var groups = imported.GroupBy(i => (i.RegionId, i.ChannelId)).ToList();
        var days = 0;
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var nextId = (await db.ForecastIntervals.MaxAsync(f => (long?)f.Id, cancellationToken) ?? 0) + 1;
        var rows = new List<ForecastInterval>();
        foreach (var group in groups)
        {
            var dates = group.Select(i => i.LocalDate).Distinct().ToList();
            days += dates.Count;
            var before = await db.ForecastIntervals
                .Where(f => f.RegionId == group.Key.RegionId && f.ChannelId == group.Key.ChannelId && dates.Contains(f.LocalDate))
                .GroupBy(f => f.LocalDate)
                .Select(g => new { Day = g.Key, Contacts = g.Sum(f => f.Contacts), Imported = g.Any(f => f.Source == ForecastSource.Imported) })
                .ToListAsync(cancellationToken);
            await db.ForecastIntervals
                .Where(f => f.RegionId == group.Key.RegionId && f.ChannelId == group.Key.ChannelId && dates.Contains(f.LocalDate))
                .ExecuteDeleteAsync(cancellationToken);
            var byStart = group.ToDictionary(i => i.StartUtc);
            var aht = group.First().AverageHandlingSeconds;
            foreach (var date in dates)
            {
                foreach (var interval in calendar.IntervalsOf(date))
                {
                    var row = byStart.GetValueOrDefault(interval.StartUtc) ?? new ForecastInterval
                    {
                        RegionId = group.Key.RegionId, ChannelId = group.Key.ChannelId, LocalDate = date, StartUtc = interval.StartUtc,
                        Contacts = 0, AverageHandlingSeconds = aht, Source = ForecastSource.Imported,
                    };
                    row.Id = nextId++;
                    rows.Add(row);
                }
            }
            var code = await db.Regions.Where(r => r.Id == group.Key.RegionId).Select(r => r.Code).SingleAsync(cancellationToken);
            var channel = await db.Channels.Where(c => c.Id == group.Key.ChannelId).Select(c => c.Code).SingleAsync(cancellationToken);
            string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            AuditLog.Record(db, actor, clock, "Forecast", $"{code}/{channel}", group.Key.RegionId, "Import",
                before.OrderBy(b => b.Day).Select(b => new { Day = Day(b.Day), b.Contacts, Source = b.Imported ? "Imported" : "Generated" }),
                dates.Order().Select(d => new { Day = Day(d), Contacts = group.Where(i => i.LocalDate == d).Sum(i => i.Contacts), Source = "Imported" }));
        }
        await db.InsertAllAsync(rows, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (days, rows.Count);
    }

    private static ImportResult Fail(string message) => ImportResult.Failed([new ImportError(0, message)], 0);
}
