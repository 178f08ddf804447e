using Portal.Domain.Forecast;

namespace Portal.Services.Demo;

internal sealed partial class DemoBuilder
{
    private void AddForecast()
    {
        var generator = new ForecastGenerator(calendar);
        var totalCustomers = (double)data.Regions.Sum(r => r.Customers);
        long id = 1;
        foreach (var region in data.Regions)
        {
            foreach (var channel in data.Channels)
            {
                foreach (var point in generator.Generate(channel, region.Customers / totalCustomers, FirstShiftDay, LastShiftDay))
                {
                    data.Forecast.Add(new ForecastInterval
                    {
                        Id = id++, RegionId = region.Id, ChannelId = channel.Id, LocalDate = point.Interval.LocalDate,
                        StartUtc = point.Interval.StartUtc, Contacts = Math.Round(point.Contacts, 2),
                        AverageHandlingSeconds = point.AverageHandlingSeconds, Source = ForecastSource.Generated,
                    });
                }
            }
        }
    }
}
