using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Domain.Forecast;
using Portal.Domain.Time;
using Portal.Services.Audit;
using Portal.Services.Data;
using Portal.Services.Files;

namespace Portal.Services.Forecast;

/// <summary>
/// The forecast file: <c>region;channel;start;contacts;aht</c>, where <c>start</c> is the local start of a 30-minute
/// interval (<c>2026-12-14 08:00</c>; the repeated hour of the autumn change takes its offset, <c>2026-10-25 02:00+01:00</c>).
/// The days a file covers replace the stored forecast of those days; an interval of a covered day that the file leaves
/// out expects no contact. Contacts, handling time and dates are bounded so that staffing can always be computed.
/// </summary>
internal sealed class ForecastFile(Actor actor, string? onlyRegion, ImportOptions limits, TimeProvider clock) : IImportFile<ForecastInterval>
{
    public static readonly ImportFormat Columns = new(
        new FileColumn("region", true, "région"),
        new FileColumn("channel", true, "canal"),
        new FileColumn("start", true, "début"),
        new FileColumn("contacts", true),
        new FileColumn("aht", true, "dmt", "handlingTime", "duréeMoyenneDeTraitement"));

    private static readonly string[] StartFormats = ["yyyy-MM-dd HH:mm", "yyyy-MM-ddTHH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm:ss"];

    private readonly LocalCalendar calendar = LocalCalendar.Paris;
    private readonly Dictionary<(int Region, int Channel, DateTime StartUtc), int> firstRowOf = [];
    private Dictionary<string, int> regions = [];
    private Dictionary<string, int> channels = [];
    private DateOnly firstDay;
    private DateOnly lastDay;

    public string Name => "forecast";

    public Actor Actor => actor;

    public ImportFormat Format => Columns;

    public async Task PrepareAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        regions = (await db.Regions.AsNoTracking().Select(r => new { r.Id, r.Code }).ToListAsync(cancellationToken))
            .Where(r => AccessRules.CanChange(actor, Area.Coverage, r.Id))
            .Where(r => onlyRegion is null || string.Equals(r.Code, onlyRegion, StringComparison.OrdinalIgnoreCase))
            .ToDictionary(r => r.Code, r => r.Id, StringComparer.OrdinalIgnoreCase);
        channels = await db.Channels.AsNoTracking().ToDictionaryAsync(c => c.Code, c => c.Id, StringComparer.OrdinalIgnoreCase, cancellationToken);
        var today = calendar.Today(clock);
        firstDay = today.AddYears(-limits.ForecastYearsBack);
        lastDay = today.AddYears(limits.ForecastYearsAhead);
    }

    public (ForecastInterval? Row, string? Error) Parse(CsvRow line)
    {
        if (!regions.TryGetValue(line["region"], out var regionId))
        {
            return Refuse("ForecastImport_Region", line["region"]);
        }
        if (!channels.TryGetValue(line["channel"], out var channelId))
        {
            return Refuse("ForecastImport_Channel", line["channel"]);
        }
        var (startUtc, localDate, startError) = ParseStart(line["start"]);
        if (startError is not null)
        {
            return (null, startError);
        }
        if (localDate < firstDay || localDate > lastDay)
        {
            return Refuse("ForecastImport_Window", line["start"], firstDay.ToString("d", CultureInfo.CurrentCulture), lastDay.ToString("d", CultureInfo.CurrentCulture));
        }
        if (!TryNumber(line["contacts"], out var contacts) || contacts is < 0 or > ForecastInterval.MaxContacts)
        {
            return Refuse("ForecastImport_Contacts", line["contacts"], ForecastInterval.MaxContacts);
        }
        if (!TryNumber(line["aht"], out var aht) || aht is <= 0 or > ForecastInterval.MaxHandlingSeconds)
        {
            return Refuse("ForecastImport_Aht", line["aht"], ForecastInterval.MaxHandlingSeconds);
        }
        if (firstRowOf.TryGetValue((regionId, channelId, startUtc), out var first))
        {
            return Refuse("ForecastImport_Duplicate", line["start"], first);
        }
        firstRowOf[(regionId, channelId, startUtc)] = line.Number;
        return (new ForecastInterval
        {
            RegionId = regionId, ChannelId = channelId, LocalDate = localDate, StartUtc = startUtc,
            Contacts = contacts, AverageHandlingSeconds = aht, Source = ForecastSource.Imported,
        }, null);
    }

    /// <summary>The UTC start of the interval a local time names, refusing a time that does not exist or exists twice without an offset.</summary>
    private (DateTime StartUtc, DateOnly LocalDate, string? Error) ParseStart(string text)
    {
        var offsetText = text.Length > 6 && (text[^6] == '+' || text[^6] == '-') ? text[^6..] : null;
        var localText = offsetText is null ? text : text[..^6];
        if (!DateTime.TryParseExact(localText, StartFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return (default, default, Messages.Format("ForecastImport_Start", text));
        }
        if (local.Minute % 30 != 0 || local.Second != 0)
        {
            return (default, default, Messages.Format("ForecastImport_HalfHour", text));
        }
        if (calendar.Zone.IsInvalidTime(local))
        {
            return (default, default, Messages.Format("ForecastImport_Skipped", text));
        }
        DateTime utc;
        if (offsetText is not null)
        {
            if (!TimeSpan.TryParseExact(offsetText[1..], "hh\\:mm", CultureInfo.InvariantCulture, out var offset))
            {
                return (default, default, Messages.Format("ForecastImport_Start", text));
            }
            offset = offsetText[0] == '-' ? -offset : offset;
            var offsets = calendar.Zone.IsAmbiguousTime(local) ? calendar.Zone.GetAmbiguousTimeOffsets(local) : [calendar.Zone.GetUtcOffset(local)];
            if (!offsets.Contains(offset))
            {
                return (default, default, Messages.Format("ForecastImport_Offset", text));
            }
            utc = DateTime.SpecifyKind(local - offset, DateTimeKind.Utc);
        }
        else if (calendar.Zone.IsAmbiguousTime(local))
        {
            return (default, default, Messages.Format("ForecastImport_Ambiguous", text));
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

    /// <summary>The days the file covers are replaced whole, with an audit entry per region and channel naming the days replaced.</summary>
    public async Task<ImportCounts> ApplyAsync(PortalDbContext db, IReadOnlyList<ForecastInterval> imported, CancellationToken cancellationToken)
    {
        var days = 0;
        var nextId = (await db.ForecastIntervals.MaxAsync(f => (long?)f.Id, cancellationToken) ?? 0) + 1;
        var rows = new List<ForecastInterval>();
        var regionCodes = regions.ToDictionary(r => r.Value, r => r.Key);
        var channelCodes = channels.ToDictionary(c => c.Value, c => c.Key);
        foreach (var group in imported.GroupBy(i => (i.RegionId, i.ChannelId)))
        {
            var dates = group.Select(i => i.LocalDate).Distinct().ToList();
            days += dates.Count;
            var stored = db.ForecastIntervals.Where(f => f.RegionId == group.Key.RegionId && f.ChannelId == group.Key.ChannelId && dates.Contains(f.LocalDate));
            var before = await stored
                .GroupBy(f => f.LocalDate)
                .Select(g => new { Day = g.Key, Contacts = g.Sum(f => f.Contacts), Imported = g.Any(f => f.Source == ForecastSource.Imported) })
                .ToListAsync(cancellationToken);
            await stored.ExecuteDeleteAsync(cancellationToken);
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
            static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            AuditLog.Record(db, actor, clock, "Forecast", $"{regionCodes[group.Key.RegionId]}/{channelCodes[group.Key.ChannelId]}", group.Key.RegionId, "Import",
                before.OrderBy(b => b.Day).Select(b => new { Day = Day(b.Day), b.Contacts, Source = b.Imported ? "Imported" : "Generated" }),
                dates.Order().Select(d => new { Day = Day(d), Contacts = group.Where(i => i.LocalDate == d).Sum(i => i.Contacts), Source = "Imported" }));
        }
        await db.InsertAllAsync(rows, cancellationToken);
        return new ImportCounts(imported.Count, Created: rows.Count, Replaced: days);
    }

    public string Summary(ImportCounts counts) => Messages.Format("ForecastImport_Done", counts.Rows, counts.Created, counts.Replaced);

    private static (ForecastInterval?, string?) Refuse(string key, params object[] args) => (null, Messages.Format(key, args));
}
