using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Domain.Advisors;
using Portal.Domain.Assignments;
using Portal.Domain.Channels;
using Portal.Domain.Time;
using Portal.Services.Data;
using Portal.Services.Files;

namespace Portal.Services.Assignments;

/// <summary>A shift read from a file, with the row it came from (so a planning refusal names its row).</summary>
internal sealed record ShiftRow(int Line, Shift Shift);

/// <summary>
/// The shift file: <c>employeeNumber;date;start;end;channel;breakStart;breakMinutes</c>, local times <c>HH:mm</c>, the
/// break columns empty when there is none. The file replaces the listed advisors' shifts on the listed days; every
/// planning rule is checked on the week as it would be, and every refused row is named.
/// </summary>
internal sealed class ShiftFile(Actor actor, PlanningRules rules, TimeProvider clock) : IImportFile<ShiftRow>
{
    public static readonly ImportFormat Columns = new(
        new FileColumn("employeeNumber", true, "matricule"),
        new FileColumn("date", true),
        new FileColumn("start", true, "début"),
        new FileColumn("end", true, "fin"),
        new FileColumn("channel", true, "canal"),
        new FileColumn("breakStart", false, "débutPause"),
        new FileColumn("breakMinutes", false, "minutesPause"));

    public static string Time(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private Dictionary<string, (int Id, int RegionId)> advisors = [];
    private Dictionary<string, int> channelIds = [];

    public string Name => "shifts";

    public Actor Actor => actor;

    public ImportFormat Format => Columns;

    public async Task PrepareAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        var plannable = AccessRules.ReadableRegions(actor, Area.Assignments);
        advisors = (await db.Advisors.AsNoTracking().Where(Advisor.ActiveInHouse)
                .Select(a => new { a.Id, a.EmployeeNumber, a.Site!.RegionId }).ToListAsync(cancellationToken))
            .Where(a => AccessRules.CanChange(actor, Area.Assignments, a.RegionId) && (plannable is null || plannable.Contains(a.RegionId)))
            .ToDictionary(a => a.EmployeeNumber, a => (a.Id, a.RegionId), StringComparer.OrdinalIgnoreCase);
        channelIds = await db.Channels.AsNoTracking().ToDictionaryAsync(c => c.Code, c => c.Id, StringComparer.OrdinalIgnoreCase, cancellationToken);
    }

    public (ShiftRow? Row, string? Error) Parse(CsvRow line)
    {
        if (!advisors.TryGetValue(line["employeeNumber"], out var advisor))
        {
            return Refuse("ShiftImport_Employee", line["employeeNumber"]);
        }
        if (!DateOnly.TryParseExact(line["date"], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return Refuse("ShiftImport_Date", line["date"]);
        }
        if (!TryHalfHour(line["start"], out var start))
        {
            return Refuse("ShiftImport_Time", line["start"]);
        }
        if (!TryHalfHour(line["end"], out var end))
        {
            return Refuse("ShiftImport_Time", line["end"]);
        }
        if (!channelIds.TryGetValue(line["channel"], out var channelId))
        {
            return Refuse("ShiftImport_Channel", line["channel"]);
        }
        var shift = new Shift { AdvisorId = advisor.Id, ChannelId = channelId, Date = date, Start = start, End = end };
        var breakStart = line["breakStart"];
        var breakMinutes = line["breakMinutes"];
        if (breakStart.Length > 0 || (breakMinutes.Length > 0 && breakMinutes != "0"))
        {
            if (!TimeOnly.TryParseExact(breakStart, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var pause)
                || !int.TryParse(breakMinutes, NumberStyles.None, CultureInfo.InvariantCulture, out var minutes))
            {
                return Refuse("ShiftImport_Break", breakStart, breakMinutes);
            }
            shift.Break = new ShiftBreak(pause, minutes);
            if (shift.CheckBreak() != BreakCheck.Valid)
            {
                return Refuse("ShiftImport_Break", breakStart, breakMinutes);
            }
        }
        return (new ShiftRow(line.Number, shift), null);
    }

    /// <summary>
    /// Each row against the advisor's week without the days the file replaces, and the file's rows before it. A row that
    /// gives back a stored shift as it is changes nothing and is not checked again: it was accepted when planned, and a
    /// training day planned over it since takes its place without removing it (docs/adr/0016), so a week exported then
    /// imported back is accepted.
    /// </summary>
    public async Task<IReadOnlyList<ImportError>> CheckAllAsync(PortalDbContext db, IReadOnlyList<ShiftRow> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return [];
        }
        var shifts = rows.Select(r => r.Shift).ToList();
        var facts = await PlanningFactsLoader.LoadAsync(db, shifts.Select(s => s.AdvisorId).Distinct().ToList(), shifts.Min(s => s.Date), shifts.Max(s => s.Date),
            cancellationToken);
        var replaced = shifts.Select(s => (s.AdvisorId, s.Date)).ToHashSet();
        var kept = new HashSet<(int, DateOnly, TimeOnly, TimeOnly, int, TimeOnly?, int)>();
        foreach (var advisor in facts.Values)
        {
            var stored = advisor.Shifts.Where(s => replaced.Contains((s.AdvisorId, s.Date))).ToList();
            var given = shifts.Where(s => s.AdvisorId == advisor.AdvisorId).Select(Same).ToHashSet();
            foreach (var shift in stored.Where(s => given.Contains(Same(s))))
            {
                kept.Add(Same(shift));
            }
            advisor.Shifts.RemoveAll(s => replaced.Contains((s.AdvisorId, s.Date)) && !kept.Contains(Same(s)));
        }
        var channels = await PlanningFactsLoader.ChannelsAsync(db, cancellationToken);
        var errors = new List<ImportError>();
        foreach (var row in rows)
        {
            if (kept.Remove(Same(row.Shift)))
            {
                continue;
            }
            var advisor = facts[row.Shift.AdvisorId];
            errors.AddRange(rules.Check(row.Shift, advisor, channels[row.Shift.ChannelId])
                .Select(r => new ImportError(row.Line, Messages.Format("ShiftImport_Refused", PlanningMessages.Describe(r)))));
            advisor.Shifts.Add(row.Shift);
        }
        return errors;
    }

    public async Task<ImportCounts> ApplyAsync(PortalDbContext db, IReadOnlyList<ShiftRow> rows, CancellationToken cancellationToken)
    {
        var shifts = rows.Select(r => r.Shift).ToList();
        var days = shifts.Select(s => (s.AdvisorId, s.Date)).Distinct().ToList();
        var advisorIds = days.Select(d => d.AdvisorId).Distinct().ToList();
        var dates = days.Select(d => d.Date).Distinct().ToList();
        var replaced = days.ToHashSet();
        var stored = await db.Shifts.Where(s => advisorIds.Contains(s.AdvisorId) && dates.Contains(s.Date)).ToListAsync(cancellationToken);
        db.Shifts.RemoveRange(stored.Where(s => replaced.Contains((s.AdvisorId, s.Date))));

        var regionOf = advisors.Values.ToDictionary(a => a.Id, a => a.RegionId);
        var regionIds = regionOf.Values.Distinct().ToList();
        var mondays = dates.Select(LocalCalendar.MondayOf).Distinct().ToList();
        var published = (await db.PublishedWeeks.AsNoTracking().Where(w => regionIds.Contains(w.RegionId) && mondays.Contains(w.Monday))
                .Select(w => new { w.RegionId, w.Monday }).ToListAsync(cancellationToken))
            .Select(w => (w.RegionId, w.Monday)).ToHashSet();
        var now = clock.GetUtcNow().UtcDateTime;
        // A shift the file gives back unchanged keeps its mark: advisors are told of changes, not of re-imports.
        var unchanged = stored.Where(s => replaced.Contains((s.AdvisorId, s.Date)))
            .GroupBy(Same).ToDictionary(g => g.Key, g => g.First().ChangedAtUtc);
        foreach (var shift in shifts)
        {
            shift.ChangedAtUtc = unchanged.TryGetValue(Same(shift), out var mark) ? mark
                : published.Contains((regionOf[shift.AdvisorId], LocalCalendar.MondayOf(shift.Date))) ? now : null;
        }
        db.Shifts.AddRange(shifts);
        return new ImportCounts(rows.Count, Created: shifts.Count, Replaced: days.Count);
    }

    private static (int, DateOnly, TimeOnly, TimeOnly, int, TimeOnly?, int) Same(Shift s) =>
        (s.AdvisorId, s.Date, s.Start, s.End, s.ChannelId, s.BreakMinutes > 0 ? s.BreakStart : null, s.BreakMinutes);

    public string Summary(ImportCounts counts) => Messages.Format("ShiftImport_Done", counts.Rows, counts.Created, counts.Replaced);

    private static bool TryHalfHour(string text, out TimeOnly time) =>
        TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out time) && time.Minute % 30 == 0;

    private static (ShiftRow?, string?) Refuse(string key, params object[] args) => (null, Messages.Format(key, args));
}
