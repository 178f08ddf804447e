using Microsoft.Extensions.Configuration;
using Portal.Domain.Roster;

namespace Portal.Integration.Tests.Roster;

public class RosterSettingsTests
{
    [Fact]
    public void A_channel_s_patterns_are_read_from_configuration_and_another_channel_keeps_the_defaults()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Roster:TimeLimitSeconds"] = "12",
            ["Roster:Patterns:Voice:0:Start"] = "09:00",
            ["Roster:Patterns:Voice:0:Minutes"] = "480",
            ["Roster:Patterns:Voice:0:BreakAfterMinutes"] = "240",
            ["Roster:Patterns:Voice:0:BreakMinutes"] = "60",
        }).Build();

        var settings = configuration.GetSection(RosterSettings.Section).Get<RosterSettings>()!;

        Assert.Equal(12, settings.TimeLimitSeconds);
        var pattern = Assert.Single(settings.PatternsFor("Voice"));
        Assert.Equal((new TimeOnly(9, 0), new TimeOnly(17, 0), new TimeOnly(13, 0)), (pattern.Start, pattern.End, pattern.Break!.Value.Start));
        Assert.Same(ShiftPattern.Defaults, settings.PatternsFor("Chat"));
    }
}
