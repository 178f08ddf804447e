using Portal.Domain.Audit;
using Portal.Domain.Regions;
using Portal.Domain.Time;
using static Portal.Services.Demo.DemoReferenceData;

namespace Portal.Services.Demo;

/// <summary>
/// Builds the demo of the specification's section 8 in memory, deterministically: the same date and the
/// same seed give the same data. Dates are placed around <c>today</c>: NC switched 8 weeks ago, BPL plans
/// its switch on the Monday three weeks ahead, shifts run from last week's Monday to five weeks ahead.
/// Each part of the demo is built in the file named after its feature (DemoBuilder.Training.cs, ...); the order of
/// <see cref="Build"/> is the order they draw from the shared random source, and so fixes every figure.
/// </summary>
internal sealed partial class DemoBuilder
{
    public const int Seed = 20_260_101;

    private readonly Random random = new(Seed);
    private readonly DateOnly today;
    private readonly DateOnly thisMonday;
    private readonly LocalCalendar calendar;
    private readonly DemoData data = new();
    private int nextAdvisorId = 1;
    private int nextSessionDayId = 1;
    private int nextEnrolmentId = 1;

    public DemoBuilder(DateOnly today, LocalCalendar calendar)
    {
        this.today = today;
        this.calendar = calendar;
        thisMonday = LocalCalendar.MondayOf(today);
    }

    public DateOnly FirstShiftDay => thisMonday.AddDays(-7);
    public DateOnly LastShiftDay => thisMonday.AddDays((6 * 7) - 1);
    public DateOnly BplPlannedSwitch => thisMonday.AddDays(21);

    public DemoData Build()
    {
        data.Skills.AddRange(DemoReferenceData.Skills());
        data.Channels.AddRange(DemoReferenceData.Channels());
        data.Courses.AddRange(Courses());
        AddRegions();
        foreach (var (fact, region) in DemoCatalog.Regions.Zip(data.Regions))
        {
            var inHouse = AddSites(fact, region);
            var advisors = AddAdvisors(fact, inHouse);
            AddTraining(fact, region, advisors);
        }
        AddVersatility();
        AddCapacities();
        AddForecast();
        AddShiftsAndAbsences();
        AddAudit();
        return data;
    }

    private void AddRegions()
    {
        var planned = BplPlannedSwitch;
        for (var i = 0; i < DemoCatalog.Regions.Length; i++)
        {
            var fact = DemoCatalog.Regions[i];
            var region = new Region { Id = i + 1, Code = fact.Code, Name = fact.Name, Customers = fact.Customers, Wave = i + 1 };
            if (i == 0)
            {
                region.PlannedSwitchDate = today.AddDays(-56);
                region.ActualSwitchDate = region.PlannedSwitchDate;
                region.Status = RegionStatus.Switched;
            }
            else if (i == 1)
            {
                region.PlannedSwitchDate = planned;
                region.Status = RegionStatus.Preparing;
            }
            else
            {
                planned = planned.AddDays(7 * DemoCatalog.WeeksBetweenWaves[i - 2]);
                region.PlannedSwitchDate = planned;
                region.Status = RegionStatus.Planned;
            }
            data.Regions.Add(region);
        }
    }

    private void AddAudit()
    {
        data.Audit.Add(new AuditEntry
        {
            Id = 1,
            AtUtc = calendar.ToUtc(today.ToDateTime(TimeOnly.MinValue)),
            UserName = "system",
            Entity = DemoMarker.Entity,
            EntityKey = DemoMarker.Key,
            Action = "Create",
            After = $$"""{"Seed":{{Seed}},"Today":"{{today:yyyy-MM-dd}}"}""",
        });
        var nc = data.Regions[0];
        data.Audit.Add(new AuditEntry
        {
            Id = 2,
            AtUtc = calendar.ToUtc(nc.ActualSwitchDate!.Value.ToDateTime(new TimeOnly(9, 0))),
            UserName = DemoAccounts.National,
            Entity = "Region",
            EntityKey = nc.Code,
            RegionId = nc.Id,
            Action = "Switch",
            Before = """{"Status":"Preparing"}""",
            After = $$"""{"Status":"Switched","ActualSwitchDate":"{{nc.ActualSwitchDate:yyyy-MM-dd}}"}""",
        });
    }
}
