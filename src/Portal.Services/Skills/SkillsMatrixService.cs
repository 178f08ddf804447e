using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Domain.Advisors;
using Portal.Domain.Skills;
using Portal.Domain.Sites;
using Portal.Services.Data;

namespace Portal.Services.Skills;

public sealed record MatrixRegion(int Id, string Code, string Name);

public sealed record MatrixSite(int Id, string Name, string City);

/// <summary>A column of the matrix: the skill, how many of the rows hold it certified (level 2 or more), the channels needing it.</summary>
/// <param name="Need">The region's peak staff to schedule this week on the channels requiring the skill: what its certified count has to reach.</param>
public sealed record MatrixSkill(int Id, string Code, string Name, int Certified, IReadOnlyList<string> Channels, int Need = 0);

/// <summary>An advisor of the matrix; <see cref="Levels"/> follows the order of the skills, 0 where the skill is not held.</summary>
public sealed record MatrixRow(string EmployeeNumber, string LastName, string FirstName, string Site, IReadOnlyList<int> Levels);

/// <summary>
/// Advisors × skills of one region or one of its sites, with what the user may choose from: the readable regions
/// and the in-house sites of the shown region.
/// </summary>
public sealed record SkillsMatrix(
    MatrixRegion Region,
    int? SiteId,
    IReadOnlyList<MatrixRegion> Regions,
    IReadOnlyList<MatrixSite> Sites,
    IReadOnlyList<MatrixSkill> Skills,
    IReadOnlyList<MatrixRow> Rows);

/// <summary>
/// The skills matrix of a region (or one of its in-house sites): its active in-house advisors and the level each
/// holds in every skill. Answers null for a region or site the actor may not read, or that does not exist, so the
/// page and the exports answer 404.
/// </summary>
public sealed class SkillsMatrixService(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock)
{
    public async Task<SkillsMatrix?> GetAsync(Actor actor, string? regionCode, int? siteId, CancellationToken cancellationToken = default)
    {
        var readable = AccessRules.ReadableRegions(actor, Area.Skills);
        if (readable is { Count: 0 })
        {
            return null;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var regions = await db.Regions.AsNoTracking()
            .Where(r => readable == null || readable.Contains(r.Id))
            .OrderBy(r => r.Wave)
            .Select(r => new MatrixRegion(r.Id, r.Code, r.Name))
            .ToListAsync(cancellationToken);

        var site = siteId is { } id
            ? await db.Sites.AsNoTracking().Where(Site.InHouse).Where(s => s.Id == id).Select(s => new { s.Id, s.RegionId }).SingleOrDefaultAsync(cancellationToken)
            : null;
        if (siteId is not null && site is null)
        {
            return null;
        }
        var region = await FindRegionAsync(db, regionCode, site?.RegionId, regions, cancellationToken);
        if (region is null || !AccessRules.CanRead(actor, Area.Skills, region.Id) || (site is not null && site.RegionId != region.Id))
        {
            return null;
        }

        var sites = await db.Sites.AsNoTracking()
            .Where(Site.InHouse).Where(s => s.RegionId == region.Id)
            .OrderBy(s => s.Name)
            .Select(s => new MatrixSite(s.Id, s.Name, s.City))
            .ToListAsync(cancellationToken);
        var skills = await db.Skills.AsNoTracking().OrderBy(s => s.Id).Select(s => new { s.Id, s.Code, s.Name }).ToListAsync(cancellationToken);
        var needs = await db.ChannelSkills.AsNoTracking()
            .Join(db.Channels, r => r.ChannelId, c => c.Id, (r, c) => new { r.SkillId, c.Id, c.Code })
            .OrderBy(n => n.Id)
            .ToListAsync(cancellationToken);

        var advisors = db.Advisors.AsNoTracking().Where(Advisor.ActiveInHouse)
            .Where(a => a.Site!.RegionId == region.Id && (site == null || a.SiteId == site.Id));
        var people = await advisors
            .OrderBy(a => a.LastName).ThenBy(a => a.FirstName).ThenBy(a => a.EmployeeNumber)
            .Select(a => new { a.Id, a.EmployeeNumber, a.LastName, a.FirstName, Site = a.Site!.Name })
            .ToListAsync(cancellationToken);
        var held = await db.AdvisorSkills.AsNoTracking()
            .Join(advisors, s => s.AdvisorId, a => a.Id, (s, a) => new { s.AdvisorId, s.SkillId, s.Level })
            .ToListAsync(cancellationToken);

        var column = skills.Select((s, i) => (s.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var levels = people.ToDictionary(p => p.Id, _ => new int[skills.Count]);
        foreach (var h in held)
        {
            if (levels.TryGetValue(h.AdvisorId, out var row) && column.TryGetValue(h.SkillId, out var index))
            {
                row[index] = (int)h.Level;
            }
        }
        var rows = people.Select(p => new MatrixRow(p.EmployeeNumber, p.LastName, p.FirstName, p.Site, levels[p.Id])).ToList();
        var peaks = await PeaksAsync(db, region.Id, cancellationToken);
        var columns = skills.Select((s, i) => new MatrixSkill(
            s.Id, s.Code, s.Name,
            rows.Count(r => ((ProficiencyLevel)r.Levels[i]).IsCertified()),
            needs.Where(n => n.SkillId == s.Id).Select(n => n.Code).ToList(),
            needs.Where(n => n.SkillId == s.Id).Select(n => peaks.GetValueOrDefault(n.Code)).DefaultIfEmpty().Max())).ToList();
        return new SkillsMatrix(region, site?.Id, regions, sites, columns, rows);
    }

    /// <summary>Each channel's peak staff to schedule in the region this week (Monday to Sunday), from the forecast alone.</summary>
    private async Task<Dictionary<string, int>> PeaksAsync(PortalDbContext db, int regionId, CancellationToken cancellationToken)
    {
        var region = await db.Regions.AsNoTracking().SingleAsync(r => r.Id == regionId, cancellationToken);
        var channels = await db.Channels.AsNoTracking().Include(c => c.OpeningHours).Include(c => c.RequiredSkills).AsSplitQuery().ToListAsync(cancellationToken);
        var monday = Portal.Domain.Time.LocalCalendar.MondayOf(Portal.Domain.Time.LocalCalendar.Paris.Today(clock));
        var peaks = new Dictionary<string, int>();
        foreach (var channel in channels)
        {
            peaks[channel.Code] = await Coverage.CoverageService.PeakRequiredAsync(db, region, channel, monday, cancellationToken);
        }
        return peaks;
    }

    /// <summary>The region named in the address; without one, the site's region, or else the first readable by wave (a director's own).</summary>
    private static async Task<MatrixRegion?> FindRegionAsync(PortalDbContext db, string? code, int? siteRegionId, List<MatrixRegion> readable, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(code))
        {
            var upper = code.Trim().ToUpperInvariant();
            return await db.Regions.AsNoTracking().Where(r => r.Code == upper).Select(r => new MatrixRegion(r.Id, r.Code, r.Name)).SingleOrDefaultAsync(cancellationToken);
        }
        if (siteRegionId is { } regionId)
        {
            return await db.Regions.AsNoTracking().Where(r => r.Id == regionId).Select(r => new MatrixRegion(r.Id, r.Code, r.Name)).SingleOrDefaultAsync(cancellationToken);
        }
        return readable.FirstOrDefault();
    }
}
