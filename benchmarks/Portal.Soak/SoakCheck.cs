using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Training;
using Portal.Services.Audit;

namespace Portal.Soak;

/// <summary>What the tables held before the writers started, for the counts the audit log must explain.</summary>
internal sealed record SoakStart(long LastAuditId, int Advisors, int Shifts, IReadOnlyDictionary<int, int> PlannedPerSession,
    IReadOnlyDictionary<string, int> HotVersions)
{
    public static SoakStart Read(SoakDatabase demo, SoakWorld world)
    {
        using var db = demo.CreateDbContext();
        var sessions = world.Regions.SelectMany(r => r.Sessions).ToList();
        var hot = world.Regions.SelectMany(r => r.HotAdvisors).ToList();
        return new SoakStart(
            db.AuditEntries.Max(a => (long?)a.Id) ?? 0,
            db.Advisors.Count(),
            db.Shifts.Count(),
            sessions.ToDictionary(s => s, s => db.Enrolments.Count(e => e.SessionId == s && e.Status == EnrolmentStatus.Planned)),
            db.Advisors.Where(a => hot.Contains(a.EmployeeNumber)).ToDictionary(a => a.EmployeeNumber, a => a.Version));
    }
}

/// <summary>
/// The end checks: no lost update (every saved write is in its row or overwritten by a later saved write, by the
/// version each produced) and the tables' counts explained by the audit log written since the start.
/// </summary>
internal sealed class SoakCheck(SoakDatabase demo, Ledger ledger, SoakStart start)
{
    public List<string> LostUpdates { get; } = [];

    public List<(string Check, string Expected, string Actual, bool Holds)> Counts { get; } = [];

    public void Run()
    {
        using var db = demo.CreateDbContext();
        CheckAdvisors(db);
        CheckShifts(db);
        CheckCounts(db);
    }

    private void CheckAdvisors(Portal.Services.Data.PortalDbContext db)
    {
        var rows = db.Advisors.AsNoTracking().Where(a => start.HotVersions.Keys.Contains(a.EmployeeNumber))
            .Select(a => new { a.EmployeeNumber, a.Version, a.FirstName }).ToList();
        foreach (var row in rows)
        {
            var edits = ledger.AdvisorEdits.GetValueOrDefault(row.EmployeeNumber, []);
            var imports = ledger.AdvisorImports.GetValueOrDefault(row.EmployeeNumber, []);
            var writes = row.Version - start.HotVersions[row.EmployeeNumber];
            if (edits.Select(e => e.Version).Distinct().Count() != edits.Count)
            {
                LostUpdates.Add($"advisor {row.EmployeeNumber}: two saved edits from the same version");
            }
            if (writes != edits.Count + imports.Count)
            {
                LostUpdates.Add($"advisor {row.EmployeeNumber}: {writes} versions for {edits.Count} saved edits and {imports.Count} imports");
            }
            var last = edits.Where(e => e.Version == row.Version).Select(e => e.Tag).FirstOrDefault();
            var holds = last is not null ? row.FirstName == last : imports.Count == 0 || imports.Contains(row.FirstName);
            if (!holds)
            {
                LostUpdates.Add($"advisor {row.EmployeeNumber}: holds \"{row.FirstName}\" (version {row.Version}), last saved write was \"{last ?? "an import"}\"");
            }
        }
    }

    private void CheckShifts(Portal.Services.Data.PortalDbContext db)
    {
        var tracked = ledger.ShiftMoves.Keys.Union(ledger.ShiftDeletes.Keys).ToList();
        var rows = new Dictionary<int, (int Version, TimeOnly Start)>();
        foreach (var chunk in tracked.Chunk(500))
        {
            foreach (var s in db.Shifts.AsNoTracking().Where(s => chunk.Contains(s.Id)).Select(s => new { s.Id, s.Version, s.Start }).ToList())
            {
                rows[s.Id] = (s.Version, s.Start);
            }
        }
        foreach (var id in tracked)
        {
            var moves = ledger.ShiftMoves.GetValueOrDefault(id, []);
            if (ledger.ShiftDeletes.TryGetValue(id, out var deletedAt))
            {
                if (rows.ContainsKey(id))
                {
                    LostUpdates.Add($"shift {id}: deleted (version {deletedAt}) but still there");
                }
                if (moves.Any(m => m.Version > deletedAt))
                {
                    LostUpdates.Add($"shift {id}: a move saved after its delete");
                }
                continue;
            }
            if (!rows.TryGetValue(id, out var row))
            {
                LostUpdates.Add($"shift {id}: gone without a saved delete");
                continue;
            }
            if (moves.Select(m => m.Version).Distinct().Count() != moves.Count)
            {
                LostUpdates.Add($"shift {id}: two saved moves from the same version (versions {string.Join(", ", moves.Select(m => m.Version))})");
            }
            else if (row.Version != moves.Count)
            {
                LostUpdates.Add($"shift {id}: version {row.Version} for {moves.Count} saved moves");
            }
            if (moves.Where(m => m.Version == row.Version).Select(m => (TimeOnly?)m.Start).FirstOrDefault() is { } last && last != row.Start)
            {
                LostUpdates.Add($"shift {id}: starts {row.Start}, last saved move said {last}");
            }
        }
        foreach (var id in ledger.ShiftsFoundGone.Distinct().Where(id => !ledger.ShiftDeletes.ContainsKey(id)))
        {
            LostUpdates.Add($"shift {id}: reported gone, never deleted");
        }
    }

    private void CheckCounts(Portal.Services.Data.PortalDbContext db)
    {
        var audit = db.AuditEntries.AsNoTracking().Where(a => a.Id > start.LastAuditId)
            .Select(a => new { a.Entity, a.EntityKey, a.Action, a.Before, a.After }).ToList();
        int Audited(string entity, string action) => audit.Count(a => a.Entity == entity && a.Action == action);

        var shifts = db.Shifts.Count();
        Add("shifts: rows at start + created + copied − deleted (audit) = rows", start.Shifts + Audited(AuditEntities.Shift, "Create")
            + Audited(AuditEntities.Shift, "Copy") - Audited(AuditEntities.Shift, "Delete"), shifts);
        Add("shift creations: audit = saved", ledger.Of(WorkKind.ShiftCreate, Ending.Saved), Audited(AuditEntities.Shift, "Create"));
        Add("shift moves: audit = saved", ledger.Of(WorkKind.ShiftMove, Ending.Saved), Audited(AuditEntities.Shift, "Move"));
        Add("shift deletions: audit = saved", ledger.Of(WorkKind.ShiftDelete, Ending.Saved), Audited(AuditEntities.Shift, "Delete"));

        var advisorsCreated = audit.Count(a => a.Entity == AuditEntities.Advisor && a.Action == "Import" && a.Before is null);
        Add("advisors: rows at start + created by imports (audit) = rows", start.Advisors + advisorsCreated, db.Advisors.Count());
        Add("advisors created: audit = import results", ledger.ImportedAdvisorsCreated, advisorsCreated);
        Add("advisor edits: audit = saved", ledger.Of(WorkKind.AdvisorEdit, Ending.Saved), Audited(AuditEntities.Advisor, "Update"));
        Add("imports: audit = saved", ledger.Of(WorkKind.AdvisorImport, Ending.Saved), Audited("Import", "Import"));

        var enrolled = audit.Where(a => a.Entity == AuditEntities.TrainingSession && a.Action == "Enrol")
            .GroupBy(a => int.Parse(a.EntityKey, System.Globalization.CultureInfo.InvariantCulture))
            .ToDictionary(g => g.Key, g => g.Sum(a => JsonDocument.Parse(a.After!).RootElement.GetProperty("Advisors").GetArrayLength()));
        var withdrawn = audit.Where(a => a.Entity == AuditEntities.Enrolment && a.Action == "Withdraw")
            .GroupBy(a => JsonDocument.Parse(a.Before!).RootElement.GetProperty("SessionId").GetInt32())
            .ToDictionary(g => g.Key, g => g.Count());
        foreach (var (session, planned) in start.PlannedPerSession)
        {
            var now = db.Enrolments.Count(e => e.SessionId == session && e.Status == EnrolmentStatus.Planned);
            Add($"session {session}: planned at start + enrolled − withdrawn (audit) = planned", planned + enrolled.GetValueOrDefault(session)
                - withdrawn.GetValueOrDefault(session), now);
        }
        Add("enrolments: audit = saved", ledger.Of(WorkKind.Enrol, Ending.Saved), Audited(AuditEntities.TrainingSession, "Enrol"));
        Add("withdrawals: audit = saved", ledger.Of(WorkKind.Withdraw, Ending.Saved), Audited(AuditEntities.Enrolment, "Withdraw"));
    }

    private void Add(string check, int expected, int actual) => Counts.Add((check, expected.ToString(), actual.ToString(), expected == actual));
}
