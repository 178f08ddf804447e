using Portal.Domain.Coverage;
using Portal.Domain.Regions;
using Portal.Domain.Rollout;
using Portal.Domain.Staffing;
using Portal.Domain.Time;

namespace Portal.Domain.Tests.Rollout;

/// <summary>
/// Builds the facts of a region's readiness: BPL in wave 2 after NC (switched), one required course, advisors who
/// completed it or not, and one channel whose week is flat: every core half hour of the week asks for the same staff
/// and gets the same in-house supply, unless a test lowers one.
/// </summary>
internal sealed class ReadinessBuilder
{
    public static readonly DateOnly Monday = new(2026, 12, 14);

    private readonly List<RegionWave> regions = [new("NC", 1, RegionStatus.Switched)];
    private readonly List<AdvisorProgress> advisors = [];
    private readonly List<ChannelFacts> channels = [];
    private readonly RolloutSettings settings = new();
    private int nextAdvisor = 1;

    public static readonly RequiredCourse Transversality = new(1, "Transversalité technique");

    public ReadinessBuilder EarlierWave(string code, RegionStatus status)
    {
        regions.Add(new RegionWave(code, 1, status));
        return this;
    }

    public ReadinessBuilder Completed(int count, DateOnly on) => Add(count, new CourseProgress(Transversality.Id, on, null));

    public ReadinessBuilder Missing(int count) => Add(count, null);

    public ReadinessBuilder Planned(int count, DateOnly lastDay) => Add(count, new CourseProgress(Transversality.Id, null, lastDay));

    /// <summary>A channel whose core half hours each require <paramref name="required"/> staff and get <paramref name="inHouse"/> in-house.</summary>
    public ReadinessBuilder Channel(string code, int certified, int required, int inHouse, params (DateOnly Date, string Time, int InHouse)[] exceptions) =>
        Channel(code, certified, [], required, inHouse, exceptions);

    /// <summary>As <see cref="Channel(string, int, int, int, (DateOnly, string, int)[])"/>, with advisors planned sessions will certify on the given days.</summary>
    public ReadinessBuilder Channel(string code, int certified, IReadOnlyList<DateOnly> plannedCertifications, int required, int inHouse,
        params (DateOnly Date, string Time, int InHouse)[] exceptions)
    {
        var days = new List<CoverageDay>();
        for (var day = Monday.AddDays(-7); day < Monday.AddDays(7 * 18); day = day.AddDays(1))
        {
            var cells = LocalCalendar.Paris.IntervalsOf(day).Select(interval =>
            {
                var slot = SlotClasses.Of(interval);
                var need = slot == SlotClass.Core ? required : 0;
                var supply = exceptions.Where(e => e.Date == day && interval.LocalTime == TimeOnly.Parse(e.Time, System.Globalization.CultureInfo.InvariantCulture))
                    .Select(e => (int?)e.InHouse).FirstOrDefault() ?? (slot == SlotClass.Core ? inHouse : 0);
                return new CoverageCell(interval, slot, need, 180, new StaffingResult(need, need, 0.8, 10, 0.8, need), supply, 0, default);
            }).ToList();
            days.Add(new CoverageDay(day, cells));
        }
        channels.Add(new ChannelFacts(code, certified, days, plannedCertifications));
        return this;
    }

    public ReadinessBuilder TrainingThreshold(double value)
    {
        settings.TrainingCompletionThreshold = value;
        return this;
    }

    public ReadinessFacts Build() => new()
    {
        Region = new Region { Code = "BPL", Name = "Bretagne-Pays de la Loire", Wave = 2, Status = RegionStatus.Preparing, PlannedSwitchDate = Monday },
        Regions = [.. regions, new RegionWave("BPL", 2, RegionStatus.Preparing), new RegionWave("IDF", 3, RegionStatus.Planned)],
        Settings = settings,
        RequiredCourses = [Transversality],
        Advisors = advisors,
        Channels = channels,
    };

    private ReadinessBuilder Add(int count, CourseProgress? progress)
    {
        for (var i = 0; i < count; i++)
        {
            advisors.Add(new AdvisorProgress(nextAdvisor++, progress is null ? [] : [progress]));
        }
        return this;
    }
}
