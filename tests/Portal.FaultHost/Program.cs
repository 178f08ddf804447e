using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Portal.Domain.Access;
using Portal.Domain.Advisors;
using Portal.Domain.Time;
using Portal.Domain.Training;
using Portal.Services;
using Portal.Services.Assignments;
using Portal.Services.Data;

// A process the crash tests kill: runs one service operation that has no command of the administration tool on the
// database file it is given, and prints its outcome. Usage: Portal.FaultHost <database file> pattern
if (args is not [var file, "pattern"])
{
    Console.Error.WriteLine("usage: Portal.FaultHost <database file> pattern");
    return 2;
}
var builder = Host.CreateApplicationBuilder([$"--ConnectionStrings:Portal=Data Source={file}"]);
var root = PortalRoot.Find(builder.Environment.ContentRootPath);
builder.Configuration.AddPortalSettings(root, builder.Environment.EnvironmentName);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Services.AddPortalServices(root);
using var host = builder.Build();
using var scope = host.Services.CreateScope();
var services = scope.ServiceProvider;

const string RegionCode = "BPL";
// Far enough ahead that the demo has planned nothing yet, on voice, for advisors certified on every voice skill.
var monday = LocalCalendar.MondayOf(LocalCalendar.Paris.Today(TimeProvider.System)).AddDays(7 * 40);
while (Enumerable.Range(0, 7).Any(d => FrenchHolidays.IsHoliday(monday.AddDays(d))))
{
    monday = monday.AddDays(7);
}
List<int> advisors;
int voice;
await using (var db = await services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync())
{
    voice = await db.Channels.Where(c => c.Code == "Voice").Select(c => c.Id).SingleAsync();
    var skills = await db.ChannelSkills.Where(c => c.ChannelId == voice).Select(c => c.SkillId).ToListAsync();
    var training = db.Enrolments.Where(Enrolment.InTraining).Where(e => e.Session!.Days.Any(d => d.Date >= monday && d.Date <= monday.AddDays(6)));
    advisors = await db.Advisors.Where(Advisor.ActiveInHouse).Where(a => a.Site!.Region!.Code == RegionCode && a.WorkingTimePercent == 100)
        .Where(a => a.Skills.Count(s => skills.Contains(s.SkillId) && s.Level >= Portal.Domain.Skills.ProficiencyLevel.Certified) == skills.Count)
        .Where(a => !training.Any(e => e.AdvisorId == a.Id))
        .OrderBy(a => a.Id).Select(a => a.Id).Take(40).ToListAsync();
}
var days = new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday }
    .Select(d => new PatternDay(d, new TimeOnly(8, 0), new TimeOnly(15, 30), new TimeOnly(12, 0), 30)).ToList();
var result = await services.GetRequiredService<AssignmentService>().ApplyPatternAsync(Actor.System, new PatternForm(advisors, monday, voice, days));
Console.WriteLine($"{result.Outcome}: {advisors.Count} advisor(s), {string.Join(" | ", result.Messages.Concat(result.Errors.Values))}");
return result.Outcome == SaveOutcome.Saved ? 0 : 1;
