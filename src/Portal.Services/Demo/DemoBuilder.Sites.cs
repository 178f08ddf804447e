using Portal.Domain.Regions;
using Portal.Domain.Sites;

namespace Portal.Services.Demo;

internal sealed partial class DemoBuilder
{
    private List<Site> AddSites(DemoCatalog.RegionFact fact, Region region)
    {
        var inHouse = new List<Site>();
        foreach (var city in fact.Cities.Take(fact.InHouseSites))
        {
            var site = new Site { Id = data.Sites.Count + 1, Name = $"Plateau {city}", City = city, RegionId = region.Id, Kind = SiteKind.InHouse };
            inHouse.Add(site);
            data.Sites.Add(site);
        }
        for (var i = 0; i < fact.SubcontractedSites; i++)
        {
            var index = data.Sites.Count(s => s.Kind == SiteKind.Subcontracted);
            var city = DemoCatalog.SubcontractorCities[index % DemoCatalog.SubcontractorCities.Length];
            var name = DemoCatalog.SubcontractorNames[index % DemoCatalog.SubcontractorNames.Length];
            data.Sites.Add(new Site
            {
                Id = data.Sites.Count + 1, Name = $"{name} {city} ({fact.Code})", City = city, RegionId = region.Id,
                Kind = SiteKind.Subcontracted, Seats = random.Next(60, 201),
            });
        }
        for (var i = 0; i < fact.OffshoreSites; i++)
        {
            var index = data.Sites.Count(s => s.Kind == SiteKind.Offshore);
            var (name, city) = DemoCatalog.OffshoreSites[index];
            data.Sites.Add(new Site
            {
                Id = data.Sites.Count + 1, Name = $"{name} {city}", City = city, RegionId = region.Id,
                Kind = SiteKind.Offshore, Seats = random.Next(150, 401),
            });
        }
        return inHouse;
    }
}
