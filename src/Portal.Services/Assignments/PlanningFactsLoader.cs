using Microsoft.EntityFrameworkCore;
using Portal.Domain.Advisors;
using Portal.Domain.Assignments;
using Portal.Domain.Channels;
using Portal.Domain.Time;
using Portal.Domain.Training;
using Portal.Services.Data;

namespace Portal.Services.Assignments;

/// <summary>
/// Reads what the planning rules need for some advisors and days, in a few set queries: the whole Monday–Sunday weeks
/// the days fall in, plus a day either side so that rest is checked across weeks.
/// </summary>
internal static class PlanningFactsLoader
{
    public static async Task<Dictionary<int, AdvisorPlanningFacts>> LoadAsync(PortalDbContext db, IReadOnlyCollection<int> advisorIds,
        DateOnly firstDay, DateOnly lastDay, CancellationToken cancellationToken)
    {
        var from = LocalCalendar.MondayOf(firstDay).AddDays(-1);
        var to = LocalCalendar.MondayOf(lastDay).AddDays(7);
        var advisors = await db.Advisors.AsNoTracking().Where(a => advisorIds.Contains(a.Id))
            .Select(a => new { a.Id, a.EmployeeNumber, a.FirstName, a.LastName, a.WorkingTimePercent })
            .ToListAsync(cancellationToken);
        var skills = (await db.AdvisorSkills.AsNoTracking().Where(AdvisorSkill.Certified).Where(s => advisorIds.Contains(s.AdvisorId))
                .Select(s => new { s.AdvisorId, s.SkillId }).ToListAsync(cancellationToken))
            .ToLookup(s => s.AdvisorId, s => s.SkillId);
        var shifts = (await db.Shifts.AsNoTracking().Where(s => advisorIds.Contains(s.AdvisorId) && s.Date >= from && s.Date <= to)
                .ToListAsync(cancellationToken))
            .ToLookup(s => s.AdvisorId);
        var training = (await db.Enrolments.Where(Enrolment.InTraining).Where(e => advisorIds.Contains(e.AdvisorId))
                .SelectMany(e => e.Session!.Days.Where(d => d.Date >= from && d.Date <= to), (e, d) => new { e.AdvisorId, d.Date })
                .ToListAsync(cancellationToken))
            .ToLookup(t => t.AdvisorId, t => t.Date);
        var absences = (await db.Absences.AsNoTracking().Where(a => advisorIds.Contains(a.AdvisorId) && a.FirstDay <= to && a.LastDay >= from)
                .ToListAsync(cancellationToken))
            .ToLookup(a => a.AdvisorId);
        return advisors.ToDictionary(a => a.Id, a => new AdvisorPlanningFacts
        {
            AdvisorId = a.Id, EmployeeNumber = a.EmployeeNumber, Name = $"{a.FirstName} {a.LastName}", WorkingTimePercent = a.WorkingTimePercent,
            CertifiedSkills = skills[a.Id].ToHashSet(), TrainingDays = training[a.Id].ToHashSet(), Absences = absences[a.Id].ToList(),
            Shifts = shifts[a.Id].ToList(),
        });
    }

    public static async Task<Dictionary<int, Channel>> ChannelsAsync(PortalDbContext db, CancellationToken cancellationToken) =>
        await db.Channels.AsNoTracking().Include(c => c.OpeningHours).Include(c => c.RequiredSkills).AsSplitQuery()
            .ToDictionaryAsync(c => c.Id, cancellationToken);
}
