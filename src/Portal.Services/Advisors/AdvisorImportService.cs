using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Domain.Advisors;
using Portal.Domain.Sites;
using Portal.Domain.Skills;
using Portal.Domain.Time;
using Portal.Services.Audit;
using Portal.Services.Data;

namespace Portal.Services.Advisors;

/// <summary>The outcome: advisors created, updated and left as they were; or the errors (the first 100, and how many more).</summary>
public sealed record AdvisorImportResult(bool Succeeded, int Created, int Updated, int Unchanged, IReadOnlyList<ImportError> Errors, int MoreErrors)
{
    public static AdvisorImportResult Failed(IReadOnlyList<ImportError> errors, int more) => new(false, 0, 0, 0, errors, more);
}

/// <summary>
/// Creates and updates in-house advisors from a CSV file: UTF-8, separated by semicolons, with the header
/// <c>employeeNumber;lastName;firstName;site;workingTimePercent;active;skills</c>. <c>site</c> is a site's exact name,
/// <c>active</c> is <c>true|false|oui|non</c>, <c>skills</c> lists <c>CODE:level</c> pairs separated by commas. A known
/// employee number updates that advisor; the skills listed get their level (skills not listed are kept); a new one
/// creates the advisor. All or nothing: any bad row leaves every advisor as it was, and every bad row is named.
/// </summary>
public sealed class AdvisorImportService(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock)
{
    public const string Header = "employeeNumber;lastName;firstName;site;workingTimePercent;active;skills";
    private const int Columns = 7;
    private const int ListedErrors = 100;
    private const int EmployeeNumberLength = 16;
    private const int NameLength = 100;
    private const int LoadBatch = 500;

    private sealed record Row(int Number, string EmployeeNumber, string LastName, string FirstName, Site Site, int WorkingTimePercent, bool Active,
        IReadOnlyList<(Skill Skill, ProficiencyLevel Level)> Skills);

    private sealed record Existing(int Id, int RegionId);

    private sealed record Reference(
        Dictionary<string, Site> Sites, Dictionary<int, Site> SitesById, Dictionary<string, Skill> Skills, Dictionary<int, Skill> SkillsById,
        Dictionary<string, Existing> Advisors);

    public async Task<AdvisorImportResult> ImportAsync(Actor actor, Stream csv, CancellationToken cancellationToken = default)
    {
        if (AccessRules.GrantOf(actor.Role, Area.Advisors).Change == Reach.None)
        {
            return Fail(Messages.Format("AdvisorImport_Forbidden"));
        }
        string text;
        try
        {
            using var reader = new StreamReader(csv, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true);
            text = await reader.ReadToEndAsync(cancellationToken);
        }
        catch (DecoderFallbackException)
        {
            return Fail(Messages.Format("AdvisorImport_Encoding"));
        }
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        while (lines.Count > 0 && lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }
        if (lines.Count == 0 || lines.All(string.IsNullOrWhiteSpace))
        {
            return Fail(Messages.Format("AdvisorImport_Empty"));
        }
        var header = lines[0].Trim();
        if (!string.Equals(header, Header, StringComparison.OrdinalIgnoreCase))
        {
            var other = new[] { ',', '\t' }.FirstOrDefault(c => string.Equals(header.Replace(c, ';'), Header, StringComparison.OrdinalIgnoreCase));
            return Fail(other != default
                ? Messages.Format("AdvisorImport_Delimiter", other == '\t' ? Messages.Format("AdvisorImport_Tab") : other.ToString())
                : Messages.Format("AdvisorImport_Header", Header));
        }
        if (lines.Skip(1).All(string.IsNullOrWhiteSpace))
        {
            return Fail(Messages.Format("AdvisorImport_NoRows"));
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var reference = await LoadReferenceAsync(db, cancellationToken);

        var errors = new List<ImportError>();
        var rows = new List<Row>();
        var firstRowOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 1; i < lines.Count; i++)
        {
            var number = i + 1;
            if (string.IsNullOrWhiteSpace(lines[i]))
            {
                continue;
            }
            var error = ParseRow(lines[i], number, actor, reference, out var row);
            if (error is null && firstRowOf.TryGetValue(row!.EmployeeNumber, out var first))
            {
                error = Messages.Format("AdvisorImport_Duplicate", number, row.EmployeeNumber, first);
            }
            if (error is not null)
            {
                errors.Add(new ImportError(number, error));
                continue;
            }
            firstRowOf[row!.EmployeeNumber] = number;
            rows.Add(row);
        }
        if (errors.Count > 0)
        {
            return AdvisorImportResult.Failed(errors.Take(ListedErrors).ToList(), Math.Max(0, errors.Count - ListedErrors));
        }

        try
        {
            return await SaveAsync(db, actor, reference, rows, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Someone changed or created one of these advisors meanwhile: the whole save was rolled back.
            return Fail(Messages.Format("AdvisorImport_Failed"));
        }
    }

    private static async Task<Reference> LoadReferenceAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        var sites = await db.Sites.AsNoTracking().ToListAsync(cancellationToken);
        var skills = await db.Skills.AsNoTracking().ToListAsync(cancellationToken);
        var advisors = await db.Advisors.AsNoTracking()
            .Select(a => new { a.EmployeeNumber, a.Id, a.Site!.RegionId })
            .ToDictionaryAsync(a => a.EmployeeNumber, a => new Existing(a.Id, a.RegionId), StringComparer.OrdinalIgnoreCase, cancellationToken);
        return new Reference(
            sites.GroupBy(s => s.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal),
            sites.ToDictionary(s => s.Id),
            skills.ToDictionary(s => s.Code, StringComparer.OrdinalIgnoreCase),
            skills.ToDictionary(s => s.Id),
            advisors);
    }

    private static string? ParseRow(string line, int number, Actor actor, Reference reference, out Row? row)
    {
        row = null;
        var cells = line.Split(';').Select(c => c.Trim()).ToArray();
        if (cells.Length != Columns)
        {
            return Messages.Format("AdvisorImport_Columns", number, cells.Length);
        }
        var employeeNumber = cells[0].ToUpperInvariant();
        if (employeeNumber.Length == 0)
        {
            return Messages.Format("AdvisorImport_EmployeeNumber", number);
        }
        if (employeeNumber.Length > EmployeeNumberLength)
        {
            return Messages.Format("AdvisorImport_EmployeeNumberLength", number, cells[0], EmployeeNumberLength);
        }
        if (reference.Advisors.TryGetValue(employeeNumber, out var existing) && !AccessRules.CanChange(actor, Area.Advisors, existing.RegionId))
        {
            return Messages.Format("AdvisorImport_OtherRegion", number, employeeNumber);
        }
        if (cells[1].Length is 0 or > NameLength || cells[2].Length is 0 or > NameLength)
        {
            return Messages.Format("AdvisorImport_Name", number, NameLength);
        }
        if (!reference.Sites.TryGetValue(cells[3], out var site) || !AccessRules.CanChange(actor, Area.Advisors, site.RegionId))
        {
            return Messages.Format("AdvisorImport_Site", number, cells[3]);
        }
        if (site.Kind != SiteKind.InHouse)
        {
            return Messages.Format("AdvisorImport_SiteKind", number, cells[3]);
        }
        if (!int.TryParse(cells[4], NumberStyles.None, CultureInfo.InvariantCulture, out var workingTime) || workingTime is < 1 or > 100)
        {
            return Messages.Format("AdvisorImport_WorkingTime", number, cells[4]);
        }
        bool? active = cells[5].ToLowerInvariant() switch
        {
            "true" or "oui" => true,
            "false" or "non" => false,
            _ => null,
        };
        if (active is null)
        {
            return Messages.Format("AdvisorImport_Active", number, cells[5]);
        }
        var skills = new List<(Skill Skill, ProficiencyLevel Level)>();
        foreach (var pair in cells[6].Length == 0 ? [] : cells[6].Split(','))
        {
            var parts = pair.Split(':');
            if (parts.Length != 2 || parts[0].Trim().Length == 0)
            {
                return Messages.Format("AdvisorImport_SkillPair", number, pair.Trim());
            }
            var code = parts[0].Trim();
            if (!reference.Skills.TryGetValue(code, out var skill))
            {
                return Messages.Format("AdvisorImport_Skill", number, code);
            }
            if (!int.TryParse(parts[1].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var level) || level is < 1 or > 4)
            {
                return Messages.Format("AdvisorImport_Level", number, parts[1].Trim(), skill.Code);
            }
            if (skills.Any(s => s.Skill.Id == skill.Id))
            {
                return Messages.Format("AdvisorImport_SkillTwice", number, skill.Code);
            }
            skills.Add((skill, (ProficiencyLevel)level));
        }
        row = new Row(number, employeeNumber, cells[1], cells[2], site, workingTime, active.Value, skills);
        return null;
    }

    /// <summary>Creates and updates in one SaveChanges, so the advisors, their skills and their audit entries are one transaction.</summary>
    private async Task<AdvisorImportResult> SaveAsync(PortalDbContext db, Actor actor, Reference reference, List<Row> rows, CancellationToken cancellationToken)
    {
        var today = LocalCalendar.Paris.Today(clock);
        var existingIds = rows.Where(r => reference.Advisors.ContainsKey(r.EmployeeNumber))
            .Select(r => reference.Advisors[r.EmployeeNumber].Id).ToList();
        var tracked = new Dictionary<string, Advisor>(StringComparer.OrdinalIgnoreCase);
        foreach (var batch in existingIds.Chunk(LoadBatch))
        {
            foreach (var advisor in await db.Advisors.Include(a => a.Skills).Where(a => batch.Contains(a.Id)).ToListAsync(cancellationToken))
            {
                tracked[advisor.EmployeeNumber] = advisor;
            }
        }

        var created = new List<Advisor>();
        var updated = 0;
        foreach (var row in rows)
        {
            if (tracked.TryGetValue(row.EmployeeNumber, out var advisor))
            {
                var before = Snapshot(advisor, reference);
                if (Apply(advisor, row, actor, today))
                {
                    updated++;
                    AuditLog.Record(db, actor, clock, "Advisor", advisor.EmployeeNumber, row.Site.RegionId, "Import", before, Snapshot(advisor, reference));
                }
                continue;
            }
            advisor = new Advisor { EmployeeNumber = row.EmployeeNumber, FirstName = row.FirstName, LastName = row.LastName, SiteId = row.Site.Id };
            Apply(advisor, row, actor, today);
            created.Add(advisor);
            AuditLog.Record(db, actor, clock, "Advisor", advisor.EmployeeNumber, row.Site.RegionId, "Import", null, Snapshot(advisor, reference));
        }
        db.Advisors.AddRange(created);
        await db.SaveChangesAsync(cancellationToken);
        return new AdvisorImportResult(true, created.Count, updated, rows.Count - created.Count - updated, [], 0);
    }

    /// <summary>Sets what the row says; a skill already held at the listed level keeps its date and source. Answers whether anything changed.</summary>
    private static bool Apply(Advisor advisor, Row row, Actor actor, DateOnly today)
    {
        var changed = advisor.LastName != row.LastName || advisor.FirstName != row.FirstName || advisor.SiteId != row.Site.Id
                      || advisor.WorkingTimePercent != row.WorkingTimePercent || advisor.Active != row.Active;
        advisor.LastName = row.LastName;
        advisor.FirstName = row.FirstName;
        advisor.SiteId = row.Site.Id;
        advisor.WorkingTimePercent = row.WorkingTimePercent;
        advisor.Active = row.Active;
        foreach (var (skill, level) in row.Skills)
        {
            var held = advisor.Skills.SingleOrDefault(s => s.SkillId == skill.Id);
            if (held?.Level == level)
            {
                continue;
            }
            if (held is null)
            {
                held = new AdvisorSkill { AdvisorId = advisor.Id, SkillId = skill.Id };
                advisor.Skills.Add(held);
            }
            held.Level = level;
            held.CertifiedOn = today;
            held.Source = CertificationSource.Import;
            held.CourseId = null;
            held.SetBy = actor.UserName;
            changed = true;
        }
        return changed;
    }

    private static object Snapshot(Advisor advisor, Reference reference) => new
    {
        advisor.LastName,
        advisor.FirstName,
        Site = reference.SitesById[advisor.SiteId].Name,
        advisor.WorkingTimePercent,
        advisor.Active,
        Skills = FormatSkills(advisor.Skills, reference.SkillsById),
    };

    /// <summary>The <c>skills</c> cell: <c>CODE:level</c> pairs ordered by code, separated by commas.</summary>
    internal static string FormatSkills(IEnumerable<AdvisorSkill> skills, IReadOnlyDictionary<int, Skill> skillsById) =>
        string.Join(',', skills
            .Select(s => (Code: skillsById[s.SkillId].Code, s.Level))
            .OrderBy(s => s.Code, StringComparer.Ordinal)
            .Select(s => $"{s.Code}:{((int)s.Level).ToString(CultureInfo.InvariantCulture)}"));

    private static AdvisorImportResult Fail(string message) => AdvisorImportResult.Failed([new ImportError(0, message)], 0);
}
