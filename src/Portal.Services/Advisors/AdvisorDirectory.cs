using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Domain.Advisors;
using Portal.Domain.Skills;
using Portal.Services.Data;

namespace Portal.Services.Advisors;

public enum AdvisorSort
{
    Name = 0,
    EmployeeNumber = 1,
    Site = 2,
    Region = 3,
}

/// <summary>What the advisors grid asks: a search on name or employee number, filters, a sort and a page.</summary>
public sealed record AdvisorQuery(
    string? Search = null,
    string? Region = null,
    int? SiteId = null,
    int? SkillId = null,
    ProficiencyLevel? MinimumLevel = null,
    bool? Active = null,
    AdvisorSort Sort = AdvisorSort.Name,
    bool Descending = false,
    int Page = 0,
    int PageSize = 25)
{
    public const int MaxPageSize = 200;
}

public sealed record AdvisorRow(string EmployeeNumber, string LastName, string FirstName, string Region, string Site, int WorkingTimePercent, bool Active);

public sealed record AdvisorPage(IReadOnlyList<AdvisorRow> Rows, int Total);

public sealed record Option(int Id, string Code, string Name);

/// <summary>The filters a user may choose from: the readable regions and their in-house sites, and the skills.</summary>
public sealed record AdvisorFilters(IReadOnlyList<Option> Regions, IReadOnlyList<Option> Sites, IReadOnlyList<Option> Skills);

/// <summary>
/// Finds advisors for the grid, filtered, sorted and paged in the database (a national role sees about 15,500), and
/// only in the regions the access rules let the user read: a director the own region, HR and national roles all.
/// </summary>
public sealed class AdvisorDirectory(IDbContextFactory<PortalDbContext> dbFactory)
{
    public async Task<AdvisorPage> SearchAsync(Actor actor, AdvisorQuery query, CancellationToken cancellationToken = default)
    {
        var readable = AccessRules.ReadableRegions(actor, Area.Advisors);
        if (readable is { Count: 0 })
        {
            return new AdvisorPage([], 0);
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var advisors = db.Advisors.AsNoTracking().Where(a => readable == null || readable.Contains(a.Site!.RegionId));

        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var text = query.Search.Trim();
            var employeeNumber = text.ToUpperInvariant();
            var pattern = $"%{text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal)}%";
            advisors = advisors.Where(a => a.EmployeeNumber == employeeNumber
                                           || EF.Functions.Like(a.LastName, pattern, "\\")
                                           || EF.Functions.Like(a.FirstName, pattern, "\\")
                                           || EF.Functions.Like(a.FirstName + " " + a.LastName, pattern, "\\"));
        }
        if (query.Region is { Length: > 0 } region)
        {
            var code = region.ToUpperInvariant();
            advisors = advisors.Where(a => a.Site!.Region!.Code == code);
        }
        if (query.SiteId is { } site)
        {
            advisors = advisors.Where(a => a.SiteId == site);
        }
        if (query.SkillId is { } skill)
        {
            var minimum = query.MinimumLevel ?? ProficiencyLevel.Trainee;
            advisors = advisors.Where(a => a.Skills.Any(s => s.SkillId == skill && s.Level >= minimum));
        }
        if (query.Active is { } active)
        {
            advisors = advisors.Where(a => a.Active == active);
        }

        var total = await advisors.CountAsync(cancellationToken);
        var sorted = (query.Sort, query.Descending) switch
        {
            (AdvisorSort.EmployeeNumber, false) => advisors.OrderBy(a => a.EmployeeNumber),
            (AdvisorSort.EmployeeNumber, true) => advisors.OrderByDescending(a => a.EmployeeNumber),
            (AdvisorSort.Site, false) => advisors.OrderBy(a => a.Site!.Name).ThenBy(a => a.LastName).ThenBy(a => a.EmployeeNumber),
            (AdvisorSort.Site, true) => advisors.OrderByDescending(a => a.Site!.Name).ThenBy(a => a.LastName).ThenBy(a => a.EmployeeNumber),
            (AdvisorSort.Region, false) => advisors.OrderBy(a => a.Site!.Region!.Wave).ThenBy(a => a.LastName).ThenBy(a => a.EmployeeNumber),
            (AdvisorSort.Region, true) => advisors.OrderByDescending(a => a.Site!.Region!.Wave).ThenBy(a => a.LastName).ThenBy(a => a.EmployeeNumber),
            (_, false) => advisors.OrderBy(a => a.LastName).ThenBy(a => a.FirstName).ThenBy(a => a.EmployeeNumber),
            (_, true) => advisors.OrderByDescending(a => a.LastName).ThenByDescending(a => a.FirstName).ThenBy(a => a.EmployeeNumber),
        };
        var size = Math.Clamp(query.PageSize, 1, AdvisorQuery.MaxPageSize);
        var rows = await sorted
            .Skip(Math.Max(0, query.Page) * size)
            .Take(size)
            .Select(a => new AdvisorRow(a.EmployeeNumber, a.LastName, a.FirstName, a.Site!.Region!.Code, a.Site.Name, a.WorkingTimePercent, a.Active))
            .ToListAsync(cancellationToken);
        return new AdvisorPage(rows, total);
    }

    public async Task<AdvisorFilters> FiltersAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        var readable = AccessRules.ReadableRegions(actor, Area.Advisors);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var regions = await db.Regions.AsNoTracking().Where(r => readable == null || readable.Contains(r.Id))
            .OrderBy(r => r.Wave).Select(r => new Option(r.Id, r.Code, r.Name)).ToListAsync(cancellationToken);
        var sites = await db.Sites.AsNoTracking()
            .Where(Domain.Sites.Site.InHouse).Where(s => readable == null || readable.Contains(s.RegionId))
            .OrderBy(s => s.Name).Select(s => new Option(s.Id, s.Region!.Code, s.Name)).ToListAsync(cancellationToken);
        var skills = await db.Skills.AsNoTracking().OrderBy(s => s.Name).Select(s => new Option(s.Id, s.Code, s.Name)).ToListAsync(cancellationToken);
        return new AdvisorFilters(regions, sites, skills);
    }
}
