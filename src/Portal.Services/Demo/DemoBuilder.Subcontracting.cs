using Portal.Domain.Sites;
using Portal.Domain.Subcontracting;
using static Portal.Services.Demo.DemoReferenceData;

namespace Portal.Services.Demo;

internal sealed partial class DemoBuilder
{
    private void AddCapacities()
    {
        var id = 1;
        var evening = (From: new TimeOnly(20, 0), To: new TimeOnly(22, 0));
        var weekend = (From: new TimeOnly(8, 0), To: new TimeOnly(22, 0));
        foreach (var site in data.Sites.Where(s => s.Kind != SiteKind.InHouse))
        {
            var offshore = site.Kind == SiteKind.Offshore;
            Add(site, Voice, Weekdays.MondayToFriday, evening, offshore ? random.Next(30, 81) : random.Next(15, 41));
            Add(site, Voice, Weekdays.Weekend, weekend, offshore ? random.Next(30, 81) : random.Next(20, 51));
            if (offshore || random.Next(2) == 0)
            {
                Add(site, Chat, Weekdays.MondayToFriday, evening, random.Next(5, 16));
                Add(site, Chat, Weekdays.Weekend, weekend, random.Next(5, 16));
            }
            if (offshore)
            {
                Add(site, Chat, Weekdays.All, (new TimeOnly(22, 0), new TimeOnly(23, 0)), random.Next(4, 11));
            }
        }

        void Add(Site site, int channel, Weekdays days, (TimeOnly From, TimeOnly To) range, int agents) =>
            data.Capacities.Add(new SubcontractorCapacity
            {
                Id = id++, SiteId = site.Id, RegionId = site.RegionId, ChannelId = channel, Days = days,
                From = range.From, To = range.To, Agents = agents,
            });
    }
}
