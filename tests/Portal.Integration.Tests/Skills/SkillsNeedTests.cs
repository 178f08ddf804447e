using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Access;
using Portal.Domain.Time;
using Portal.Services.Coverage;
using Portal.Services.Skills;

namespace Portal.Integration.Tests.Skills;

[Collection(PortalCollection.Name)]
public class SkillsNeedTests(PortalFixture fixture)
{
    [Fact]
    public async Task A_skill_needed_by_a_channel_is_compared_with_that_channel_peak_staff_of_the_week()
    {
        using var scope = fixture.App.Services.CreateScope();
        var ct = TestContext.Current.CancellationToken;
        var hr = new Actor("hr", PortalRole.HR);
        var matrix = await scope.ServiceProvider.GetRequiredService<SkillsMatrixService>().GetAsync(hr, "BPL", null, ct);
        var voice = await scope.ServiceProvider.GetRequiredService<CoverageService>()
            .GetWeekAsync(Actor.System, "BPL", LocalCalendar.MondayOf(LocalCalendar.Paris.Today(TimeProvider.System)), "Voice", ct);

        var boxTech = matrix!.Skills.Single(s => s.Code == "BOX-TECH");
        var retention = matrix.Skills.Single(s => s.Code == "FIDEL");

        Assert.Equal(voice!.Days.SelectMany(d => d.Cells).Max(c => c.Required), boxTech.Need);
        Assert.True(boxTech.Need > 100);
        Assert.Equal(0, retention.Need);
    }
}
