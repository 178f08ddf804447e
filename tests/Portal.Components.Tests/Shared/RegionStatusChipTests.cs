using Bunit;
using Portal.Domain.Regions;
using Portal.Web.Components.Shared;

namespace Portal.Components.Tests.Shared;

public class RegionStatusChipTests : PortalComponentTest
{
    [Theory]
    [InlineData(RegionStatus.Planned, "Planifiée")]
    [InlineData(RegionStatus.Preparing, "En préparation")]
    [InlineData(RegionStatus.Switched, "Basculée")]
    public void Status_reads_in_French(RegionStatus status, string text)
    {
        var chip = Render<RegionStatusChip>(p => p.Add(x => x.Status, status));

        Assert.Equal(text, chip.Find(".mud-chip").TextContent.Trim());
    }
}
