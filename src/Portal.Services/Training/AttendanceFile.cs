using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Domain.Advisors;
using Portal.Domain.Training;
using Portal.Services.Data;
using Portal.Services.Files;

namespace Portal.Services.Training;

/// <summary>
/// A session's attendance sheet, written by <see cref="AttendanceService.SheetAsync"/> and read back here in the same
/// format: <c>employeeNumber;lastName;firstName;</c> one column per session day named <c>yyyy-MM-dd</c> (present
/// <c>1|x|oui|yes|true</c>, absent <c>0|non|no|false</c> or empty), and <c>result</c> (<c>pass|fail</c>, empty: not
/// yet). Each row is an advisor enrolled in the session, recorded as by hand (<see cref="AttendanceRecorder"/>); the
/// names are there for the reader and not checked.
/// </summary>
internal sealed class AttendanceFile(Actor actor, int sessionId, IReadOnlyList<DateOnly> days, TimeProvider clock) : IImportFile<AttendanceFile.Row>
{
    internal sealed record Row(string EmployeeNumber, IReadOnlySet<DateOnly> Attended, TrainingResult? Result);

    private static readonly string[] Present = ["1", "x", "oui", "yes", "true", "o"];
    private static readonly string[] Absent = ["0", "non", "no", "false", "n", ""];

    private readonly Dictionary<string, int> firstRowOf = new(StringComparer.OrdinalIgnoreCase);
    private Dictionary<string, Enrolment> enrolments = [];
    private TrainingSession? session;

    public static string DayColumn(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The result as the sheet writes it: a completion is a pass, a fail or a no-show a fail, nothing yet empty.</summary>
    public static string ResultText(EnrolmentStatus status) => status switch
    {
        EnrolmentStatus.Completed => "pass",
        EnrolmentStatus.Failed or EnrolmentStatus.NoShow => "fail",
        _ => "",
    };

    public string Name => "attendance";

    public Actor Actor => actor;

    public ImportFormat Format { get; } = new([
        new FileColumn("employeeNumber", true, "matricule"),
        new FileColumn("lastName", false, "nom"),
        new FileColumn("firstName", false, "prénom"),
        .. days.Select(d => new FileColumn(DayColumn(d), true)),
        new FileColumn("result", true, "résultat"),
    ]);

    public async Task PrepareAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        session = await db.TrainingSessions.Include(s => s.Days).SingleAsync(s => s.Id == sessionId, cancellationToken);
        var list = await db.Enrolments.Include(e => e.Attendance).Where(e => e.SessionId == sessionId).ToListAsync(cancellationToken);
        var numbers = await db.Advisors.AsNoTracking().Where(a => db.Enrolments.Any(e => e.SessionId == sessionId && e.AdvisorId == a.Id))
            .ToDictionaryAsync(a => a.Id, a => a.EmployeeNumber, cancellationToken);
        enrolments = list.ToDictionary(e => numbers[e.AdvisorId], StringComparer.OrdinalIgnoreCase);
    }

    public (Row? Row, string? Error) Parse(CsvRow line)
    {
        var number = line["employeeNumber"].Trim();
        if (!enrolments.TryGetValue(number, out var enrolment))
        {
            return (null, Messages.Format("AttendanceImport_NotEnrolled", number));
        }
        if (!firstRowOf.TryAdd(number, line.Number))
        {
            return (null, Messages.Format("AttendanceImport_Duplicate", number, firstRowOf[number]));
        }
        var attended = new HashSet<DateOnly>();
        foreach (var day in days)
        {
            var cell = line[DayColumn(day)].Trim().ToLowerInvariant();
            if (Present.Contains(cell))
            {
                attended.Add(day);
            }
            else if (!Absent.Contains(cell))
            {
                return (null, Messages.Format("AttendanceImport_Presence", DayColumn(day), cell));
            }
        }
        TrainingResult? result = line["result"].Trim().ToLowerInvariant() switch
        {
            "" => null,
            "pass" or "réussi" or "reussi" => TrainingResult.Pass,
            "fail" or "échoué" or "echoue" => TrainingResult.Fail,
            _ => (TrainingResult)(-1),
        };
        if (result is { } r && !Enum.IsDefined(r))
        {
            return (null, Messages.Format("AttendanceImport_Result", line["result"]));
        }
        var sessionDays = session!.Days.OrderBy(d => d.Date).ToList();
        if (AttendanceRecorder.Check(enrolment, sessionDays, attended, result) is { } refused)
        {
            return (null, Messages.Format(refused));
        }
        return (new Row(number, attended, result), null);
    }

    public async Task<ImportCounts> ApplyAsync(PortalDbContext db, IReadOnlyList<Row> rows, CancellationToken cancellationToken)
    {
        var sessionDays = session!.Days.OrderBy(d => d.Date).ToList();
        var changing = rows.Where(r => AttendanceRecorder.Changes(enrolments[r.EmployeeNumber], sessionDays, r.Attended, r.Result)).ToList();
        if (changing.Count == 0)
        {
            return new ImportCounts(rows.Count, Unchanged: rows.Count);
        }
        var course = await db.Courses.AsNoTracking().Include(c => c.GrantedSkills).SingleAsync(c => c.Id == session.CourseId, cancellationToken);
        var advisorIds = changing.Select(r => enrolments[r.EmployeeNumber].AdvisorId).ToList();
        var advisors = await db.Advisors.Include(a => a.Skills).Where(a => advisorIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, cancellationToken);
        foreach (var row in changing)
        {
            var enrolment = enrolments[row.EmployeeNumber];
            // The version read when the file was checked is the one expected: a change by hand meanwhile fails the whole import.
            db.Entry(enrolment).Property(e => e.Version).IsModified = true;
            AttendanceRecorder.Apply(db, actor, clock, session, course, enrolment, advisors[enrolment.AdvisorId], row.Attended, row.Result);
        }
        return new ImportCounts(rows.Count, Updated: changing.Count, Unchanged: rows.Count - changing.Count);
    }

    public string Summary(ImportCounts counts) => Messages.Format("AttendanceImport_Summary", counts.Updated, counts.Unchanged);
}
