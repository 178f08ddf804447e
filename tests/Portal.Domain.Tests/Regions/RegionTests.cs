using Portal.Domain.Advisors;
using Portal.Domain.Channels;
using Portal.Domain.Regions;
using Portal.Domain.Skills;

namespace Portal.Domain.Tests.Regions;

public class RegionTests
{
    [Fact]
    public void Switched_rules_apply_from_the_switch_date_on_not_before()
    {
        var region = new Region { Code = "NC", Name = "Normandie-Centre", Status = RegionStatus.Switched, ActualSwitchDate = new DateOnly(2026, 10, 1) };

        Assert.False(region.IsSwitchedOn(new DateOnly(2026, 9, 30)));
        Assert.True(region.IsSwitchedOn(new DateOnly(2026, 10, 1)));
        Assert.True(region.IsSwitchedOn(new DateOnly(2026, 12, 1)));
    }

    [Fact]
    public void A_region_that_has_not_switched_is_never_switched_on_its_planned_date()
    {
        var region = new Region { Code = "BPL", Name = "Bretagne-Pays de la Loire", Status = RegionStatus.Preparing, PlannedSwitchDate = new DateOnly(2026, 12, 14) };

        Assert.False(region.IsSwitchedOn(new DateOnly(2026, 12, 20)));
    }

    [Fact]
    public void An_advisor_counts_for_a_channel_when_certified_in_every_skill_it_requires()
    {
        var advisor = new Advisor
        {
            EmployeeNumber = "E1", FirstName = "Léa", LastName = "Martin",
            Skills =
            [
                new AdvisorSkill { SkillId = 1, Level = ProficiencyLevel.Certified },
                new AdvisorSkill { SkillId = 2, Level = ProficiencyLevel.Trainee },
                new AdvisorSkill { SkillId = 3, Level = ProficiencyLevel.Expert },
            ],
        };

        Assert.True(advisor.IsCertifiedIn([1, 3]));
        Assert.False(advisor.IsCertifiedIn([1, 2]));
        Assert.False(advisor.IsCertifiedIn([4]));
    }

    [Theory]
    [InlineData("2026-11-26", "07:30", false)]
    [InlineData("2026-11-26", "08:00", true)]
    [InlineData("2026-11-26", "21:30", true)]
    [InlineData("2026-11-26", "22:00", false)]
    [InlineData("2026-11-29", "10:00", false)] // no Sunday hours: closed
    [InlineData("2026-11-11", "10:00", false)] // a public holiday takes Sunday's hours
    public void A_channel_is_open_within_its_hours_of_the_day(string day, string time, bool open)
    {
        var channel = new Channel
        {
            Code = "Voice",
            OpeningHours = [.. Enumerable.Range(1, 5).Select(d => new OpeningHours { Day = (DayOfWeek)d, Opens = new TimeOnly(8, 0), Closes = new TimeOnly(22, 0) })],
        };

        Assert.Equal(open, channel.IsOpen(
            DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture),
            TimeOnly.Parse(time, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void A_channel_closing_at_midnight_is_open_in_its_last_half_hour()
    {
        var channel = new Channel
        {
            Code = "Chat",
            OpeningHours = [new OpeningHours { Day = DayOfWeek.Thursday, Opens = new TimeOnly(8, 0), Closes = TimeOnly.MinValue }],
        };

        Assert.True(channel.IsOpen(new DateOnly(2026, 11, 26), new TimeOnly(23, 30)));
    }
}
