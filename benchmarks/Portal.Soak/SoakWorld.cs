using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Domain.Advisors;
using Portal.Domain.Skills;
using Portal.Domain.Time;
using Portal.Domain.Training;
using Portal.Services.Demo;
using Portal.Services.Training;
using Microsoft.Extensions.DependencyInjection;

namespace Portal.Soak;

/// <summary>One region the writers work in: its director, the rows they fight over, the weeks the shift changes go to.</summary>
internal sealed record SoakRegion(
    int Id,
    string Code,
    Actor Director,
    int InHouseSiteId,
    string InHouseSite,
    IReadOnlyList<string> HotAdvisors,
    IReadOnlyList<int> ShiftAdvisors,
    IReadOnlyList<int> Sessions);

/// <summary>
/// What the soak works on, chosen once from the demo: per region a small pool of advisors every editor and import
/// touches (so that edits collide), advisors certified on voice whose shifts are created, moved and deleted in weeks
/// past the demo's plan, and a few planned training sessions to fill and empty.
/// </summary>
internal sealed class SoakWorld
{
    public const int HotAdvisorsPerRegion = 12;
    public const int ShiftAdvisorsPerRegion = 30;
    public const int SessionsPerRegion = 4;
    public const int VoiceChannelId = 1;

    public static readonly Actor National = new(DemoAccounts.National, PortalRole.NationalAdmin);
    public static readonly Actor Hr = new(DemoAccounts.Hr, PortalRole.HR);

    public required IReadOnlyList<SoakRegion> Regions { get; init; }

    /// <summary>The weekdays (no public holiday) shifts are planned on, in weeks the demo leaves empty.</summary>
    public required IReadOnlyList<DateOnly> ShiftDays { get; init; }

    public DateOnly FirstShiftDay => ShiftDays[0];

    public DateOnly LastShiftDay => ShiftDays[^1];

    public static SoakWorld Choose(SoakDatabase demo)
    {
        using var db = demo.CreateDbContext();
        var monday = LocalCalendar.MondayOf(LocalCalendar.Paris.Today(TimeProvider.System));
        var days = new List<DateOnly>();
        for (var week = monday.AddDays(7 * 20); days.Count < 20; week = week.AddDays(7))
        {
            days.AddRange(Enumerable.Range(0, 5).Select(week.AddDays).Where(d => !FrenchHolidays.IsHoliday(d)));
        }
        var voiceSkills = db.ChannelSkills.Where(c => c.ChannelId == VoiceChannelId).Select(c => c.SkillId).ToList();
        var today = LocalCalendar.Paris.Today(TimeProvider.System);
        var regions = new List<SoakRegion>();
        foreach (var (code, director) in new[] { ("BPL", DemoAccounts.DirectorBpl), ("NC", DemoAccounts.DirectorNc) })
        {
            var region = db.Regions.AsNoTracking().Single(r => r.Code == code);
            var site = db.Sites.AsNoTracking().Where(s => s.RegionId == region.Id && s.Kind == Domain.Sites.SiteKind.InHouse).OrderBy(s => s.Id).First();
            var inHouse = db.Advisors.AsNoTracking().Where(Advisor.ActiveInHouse).Where(a => a.Site!.RegionId == region.Id);
            var shiftAdvisors = inHouse
                .Where(a => a.Skills.Count(s => voiceSkills.Contains(s.SkillId) && s.Level >= ProficiencyLevel.Certified) == voiceSkills.Count)
                .OrderBy(a => a.Id).Select(a => a.Id).Take(ShiftAdvisorsPerRegion).ToList();
            var hot = inHouse.Where(a => a.SiteId == site.Id).OrderByDescending(a => a.Id)
                .Select(a => a.EmployeeNumber).Take(HotAdvisorsPerRegion).ToList();
            var sessions = db.TrainingSessions.AsNoTracking().Where(s => s.RegionId == region.Id)
                .Where(s => s.Days.Min(d => d.Date) > today.AddDays(1))
                .OrderBy(s => s.Days.Min(d => d.Date)).Select(s => s.Id).Take(SessionsPerRegion).ToList();
            var actor = new Actor(director, PortalRole.RegionalDirector, region.Id);
            while (sessions.Count < SessionsPerRegion)
            {
                sessions.Add(PlanSession(demo, actor, code, monday.AddDays(7 * (10 + sessions.Count))));
            }
            regions.Add(new SoakRegion(region.Id, code, actor, site.Id, site.Name,
                hot, shiftAdvisors, sessions));
        }
        return new SoakWorld { Regions = regions, ShiftDays = days };
    }

    /// <summary>A session of the region's shortest course in the given week, planned by its director as the sessions page does.</summary>
    private static int PlanSession(SoakDatabase demo, Actor director, string regionCode, DateOnly monday)
    {
        using var scope = demo.Services.CreateScope();
        var sessions = scope.ServiceProvider.GetRequiredService<TrainingSessionService>();
        var choices = sessions.ChoicesAsync(director, regionCode).GetAwaiter().GetResult()!;
        var course = choices.Courses.OrderBy(c => c.Days).First();
        var days = Enumerable.Range(0, 6).Select(monday.AddDays).Where(d => !FrenchHolidays.IsHoliday(d)).Take(course.Days).ToList();
        var saved = sessions.SaveAsync(director, new TrainingSessionForm
        {
            CourseId = course.Id, SiteId = choices.Sites[0].Id, Days = days, Trainer = "Soak", Capacity = course.Capacity, ConfirmCoverage = true,
        }).GetAwaiter().GetResult();
        return saved.Outcome == TrainingOutcome.Saved ? saved.SessionId!.Value
            : throw new InvalidOperationException($"The {regionCode} session could not be planned: {saved.Outcome} {string.Join(", ", saved.Errors.Values)}");
    }
}
