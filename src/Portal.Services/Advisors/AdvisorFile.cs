using System.Globalization;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Domain.Advisors;
using Portal.Domain.Sites;
using Portal.Domain.Skills;
using Portal.Domain.Time;
using Portal.Services.Audit;
using Portal.Services.Data;
using Portal.Services.Files;

namespace Portal.Services.Advisors;

/// <summary>
/// The advisor file, read by the import and written by the export in the same format, so that an exported file
/// imported again changes nothing: <c>employeeNumber;lastName;firstName;site;workingTimePercent;active;skills;team</c>.
/// <c>site</c> is an in-house site's exact name, <c>active</c> is <c>true|false|oui|non</c>, <c>skills</c> lists
/// <c>CODE:level</c> pairs separated by commas, <c>team</c> is the team within the site (optional: a file without the
/// column leaves every team as it is, an empty cell takes the advisor out of any team). A known employee number updates that advisor (the listed skills get
/// their level, the others are kept); a new one creates the advisor. Each row passes the rules the advisor form and
/// the skill form pass (<see cref="NewAdvisorValidator"/>, <see cref="SkillChangeValidator"/>): a level goes down only
/// on the advisor's page, where a reason is given.
/// </summary>
internal sealed class AdvisorFile(Actor actor, IValidator<NewAdvisor> advisorRules, IValidator<SkillChange> skillRules, TimeProvider clock)
    : IImportFile<AdvisorFile.Row>
{
    public static readonly ImportFormat Columns = new(
        new FileColumn("employeeNumber", true, "matricule"),
        new FileColumn("lastName", true, "nom"),
        new FileColumn("firstName", true, "prénom"),
        new FileColumn("site", true),
        new FileColumn("workingTimePercent", true, "tempsDeTravail", "workingTime"),
        new FileColumn("active", true, "actif"),
        new FileColumn("skills", false, "compétences"),
        new FileColumn("team", false, "équipe"));

    private const int LoadBatch = 500;

    /// <param name="HasTeam">Whether the file has the team column; without it the advisor's team is kept.</param>
    internal sealed record Row(NewAdvisor Advisor, Site Site, bool Active, IReadOnlyList<(Skill Skill, ProficiencyLevel Level)> Skills, bool HasTeam);

    private sealed record Existing(int Id, int RegionId, int Version, IReadOnlyDictionary<int, ProficiencyLevel> Levels);

    private readonly Dictionary<string, int> firstRowOf = new(StringComparer.Ordinal);
    private Dictionary<string, Site> sites = [];
    private Dictionary<int, Site> sitesById = [];
    private Dictionary<string, Skill> skills = [];
    private Dictionary<int, Skill> skillsById = [];
    private Dictionary<string, Existing> advisors = [];
    private DateOnly today;

    public string Name => "advisors";

    public Actor Actor => actor;

    public ImportFormat Format => Columns;

    public async Task PrepareAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        today = LocalCalendar.Paris.Today(clock);
        var allSites = await db.Sites.AsNoTracking().ToListAsync(cancellationToken);
        sites = allSites.GroupBy(s => s.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        sitesById = allSites.ToDictionary(s => s.Id);
        var allSkills = await db.Skills.AsNoTracking().ToListAsync(cancellationToken);
        skills = allSkills.ToDictionary(s => s.Code, StringComparer.OrdinalIgnoreCase);
        skillsById = allSkills.ToDictionary(s => s.Id);
        var levels = (await db.AdvisorSkills.AsNoTracking().Select(s => new { s.AdvisorId, s.SkillId, s.Level }).ToListAsync(cancellationToken))
            .ToLookup(s => s.AdvisorId);
        advisors = (await db.Advisors.AsNoTracking()
                .Select(a => new { a.EmployeeNumber, a.Id, a.Site!.RegionId, a.Version })
                .ToListAsync(cancellationToken))
            .ToDictionary(a => a.EmployeeNumber, a => new Existing(a.Id, a.RegionId, a.Version, levels[a.Id].ToDictionary(s => s.SkillId, s => s.Level)),
                StringComparer.OrdinalIgnoreCase);
    }

    public (Row? Row, string? Error) Parse(CsvRow line)
    {
        var number = line["employeeNumber"].ToUpperInvariant();
        if (!int.TryParse(line["workingTimePercent"], NumberStyles.None, CultureInfo.InvariantCulture, out var workingTime))
        {
            return Refuse("AdvisorImport_WorkingTime", line["workingTimePercent"]);
        }
        var form = new NewAdvisor(number, line["lastName"], line["firstName"], 0, workingTime, line["team"]);
        // The site is checked below against the sites the user may change; the form's other rules apply as they are.
        if (advisorRules.Validate(form, o => o.IncludeProperties(
                nameof(NewAdvisor.EmployeeNumber), nameof(NewAdvisor.LastName), nameof(NewAdvisor.FirstName), nameof(NewAdvisor.WorkingTimePercent),
                nameof(NewAdvisor.Team)))
            is { IsValid: false } invalid)
        {
            return (null, Messages.Format(invalid.Errors[0].ErrorMessage));
        }
        // A number held in a region the user may not change is refused as if it could not be used, saying no more.
        advisors.TryGetValue(number, out var existing);
        if (existing is not null && !AccessRules.CanChange(actor, Area.Advisors, existing.RegionId))
        {
            return Refuse(AdvisorProfileService.EmployeeNumberUnavailable);
        }
        if (!sites.TryGetValue(line["site"], out var site) || !AccessRules.CanChange(actor, Area.Advisors, site.RegionId))
        {
            return Refuse("AdvisorImport_Site", line["site"]);
        }
        if (site.Kind != SiteKind.InHouse)
        {
            return Refuse("AdvisorImport_SiteKind", line["site"]);
        }
        bool? active = line["active"].ToLowerInvariant() switch
        {
            "true" or "oui" => true,
            "false" or "non" => false,
            _ => null,
        };
        if (active is null)
        {
            return Refuse("AdvisorImport_Active", line["active"]);
        }
        var (levels, skillError) = ParseSkills(line["skills"], number, existing);
        if (skillError is not null)
        {
            return (null, skillError);
        }
        if (firstRowOf.TryGetValue(number, out var first))
        {
            return Refuse("AdvisorImport_Duplicate", number, first);
        }
        firstRowOf[number] = line.Number;
        return (new Row(form with { LastName = form.LastName.Trim(), FirstName = form.FirstName.Trim(), SiteId = site.Id }, site, active.Value, levels, line.Has("team")), null);
    }

    private (List<(Skill, ProficiencyLevel)> Levels, string? Error) ParseSkills(string cell, string number, Existing? existing)
    {
        var levels = new List<(Skill Skill, ProficiencyLevel Level)>();
        foreach (var pair in cell.Length == 0 ? [] : cell.Split(','))
        {
            var parts = pair.Split(':');
            if (parts.Length != 2 || parts[0].Trim().Length == 0)
            {
                return ([], Messages.Format("AdvisorImport_SkillPair", pair.Trim()));
            }
            if (!skills.TryGetValue(parts[0].Trim(), out var skill))
            {
                return ([], Messages.Format("AdvisorImport_Skill", parts[0].Trim()));
            }
            if (!int.TryParse(parts[1].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var level) || !Enum.IsDefined((ProficiencyLevel)level))
            {
                return ([], Messages.Format("AdvisorImport_Level", parts[1].Trim(), skill.Code));
            }
            if (levels.Any(s => s.Skill.Id == skill.Id))
            {
                return ([], Messages.Format("AdvisorImport_SkillTwice", skill.Code));
            }
            var change = new SkillChange(number, existing?.Version ?? 0, skill.Id, (ProficiencyLevel)level, today, Reason: null)
            {
                PreviousLevel = existing?.Levels.TryGetValue(skill.Id, out var held) == true ? held : null,
            };
            if (skillRules.Validate(change) is { IsValid: false } invalid)
            {
                return ([], Messages.Format("AdvisorImport_SkillRefused", skill.Code, Messages.Format(invalid.Errors[0].ErrorMessage)));
            }
            levels.Add((skill, (ProficiencyLevel)level));
        }
        return (levels, null);
    }

    public async Task<ImportCounts> ApplyAsync(PortalDbContext db, IReadOnlyList<Row> rows, CancellationToken cancellationToken)
    {
        var existingIds = rows.Select(r => advisors.GetValueOrDefault(r.Advisor.EmployeeNumber)?.Id).OfType<int>().ToList();
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
            if (tracked.TryGetValue(row.Advisor.EmployeeNumber, out var advisor))
            {
                var before = Snapshot(advisor);
                if (Apply(advisor, row))
                {
                    updated++;
                    AuditLog.Record(db, actor, clock, "Advisor", advisor.EmployeeNumber, row.Site.RegionId, "Import", before, Snapshot(advisor));
                }
                continue;
            }
            advisor = new Advisor { EmployeeNumber = row.Advisor.EmployeeNumber, FirstName = row.Advisor.FirstName, LastName = row.Advisor.LastName, SiteId = row.Site.Id };
            Apply(advisor, row);
            created.Add(advisor);
            AuditLog.Record(db, actor, clock, "Advisor", advisor.EmployeeNumber, row.Site.RegionId, "Import", null, Snapshot(advisor));
        }
        db.Advisors.AddRange(created);
        return new ImportCounts(rows.Count, created.Count, updated, rows.Count - created.Count - updated);
    }

    public string Summary(ImportCounts counts) => Messages.Format("AdvisorImport_Done", counts.Created, counts.Updated, counts.Unchanged);

    /// <summary>Sets what the row says through the one rule that sets a skill level. Answers whether anything changed.</summary>
    private bool Apply(Advisor advisor, Row row)
    {
        var changed = advisor.LastName != row.Advisor.LastName || advisor.FirstName != row.Advisor.FirstName || advisor.SiteId != row.Site.Id
                      || advisor.WorkingTimePercent != row.Advisor.WorkingTimePercent || advisor.Active != row.Active
                      || (row.HasTeam && advisor.Team != row.Advisor.TeamName);
        advisor.LastName = row.Advisor.LastName;
        advisor.FirstName = row.Advisor.FirstName;
        advisor.SiteId = row.Site.Id;
        advisor.WorkingTimePercent = row.Advisor.WorkingTimePercent;
        advisor.Active = row.Active;
        if (row.HasTeam)
        {
            advisor.Team = row.Advisor.TeamName;
        }
        foreach (var (skill, level) in row.Skills)
        {
            // The row was checked against the skill form's rules: a lowering never reaches here.
            changed |= advisor.SetSkill(LevelChange.ByImport(skill.Id, level, today, actor.UserName)).Outcome == LevelChangeOutcome.Changed;
        }
        return changed;
    }

    private object Snapshot(Advisor advisor) => new
    {
        advisor.LastName,
        advisor.FirstName,
        Site = sitesById[advisor.SiteId].Name,
        advisor.WorkingTimePercent,
        advisor.Active,
        Skills = FormatSkills(advisor.Skills, skillsById),
        advisor.Team,
    };

    /// <summary>The <c>skills</c> cell: <c>CODE:level</c> pairs ordered by code, separated by commas.</summary>
    internal static string FormatSkills(IEnumerable<AdvisorSkill> skills, IReadOnlyDictionary<int, Skill> skillsById) =>
        string.Join(',', skills
            .Select(s => (Code: skillsById[s.SkillId].Code, s.Level))
            .OrderBy(s => s.Code, StringComparer.Ordinal)
            .Select(s => $"{s.Code}:{((int)s.Level).ToString(CultureInfo.InvariantCulture)}"));

    private static (Row?, string?) Refuse(string key, params object[] args) => (null, Messages.Format(key, args));
}
