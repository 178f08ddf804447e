using Portal.Domain.Advisors;
using Portal.Domain.Sites;

namespace Portal.Services.Demo;

internal sealed partial class DemoBuilder
{
    private List<Advisor> AddAdvisors(DemoCatalog.RegionFact fact, List<Site> sites)
    {
        var count = fact.Customers / DemoCatalog.CustomersPerAdvisor;
        var weights = sites.Select((_, i) => i == 0 ? 1.6 : 0.7 + (random.NextDouble() * 0.6)).ToArray();
        var total = weights.Sum();
        var advisors = new List<Advisor>(count);
        for (var s = 0; s < sites.Count; s++)
        {
            var onSite = s == sites.Count - 1 ? count - advisors.Count : (int)Math.Round(count * weights[s] / total);
            var teams = TeamCount(onSite);
            for (var i = 0; i < onSite; i++)
            {
                var advisor = NewAdvisor(sites[s]);
                // Teams are dealt in turn, not drawn: the random sequence, and so every other demo figure, stays as it was.
                advisor.Team = TeamName((i % teams) + 1);
                advisors.Add(advisor);
            }
            sites[s].Seats = (int)Math.Ceiling(onSite * 0.85);
        }
        data.Advisors.AddRange(advisors);
        return advisors;
    }

    /// <summary>Teams of at most <see cref="DemoCatalog.LargestTeam"/> advisors, as many as that needs.</summary>
    internal static int TeamCount(int advisorsOnSite) => Math.Max(1, (advisorsOnSite + DemoCatalog.LargestTeam - 1) / DemoCatalog.LargestTeam);

    internal static string TeamName(int number) => $"Équipe {number}";

    private Advisor NewAdvisor(Site site)
    {
        var id = nextAdvisorId++;
        var roll = random.NextDouble();
        var advisor = new Advisor
        {
            Id = id,
            EmployeeNumber = $"E{100000 + id}",
            FirstName = DemoCatalog.FirstNames[random.Next(DemoCatalog.FirstNames.Length)],
            LastName = DemoCatalog.LastNames[random.Next(DemoCatalog.LastNames.Length)],
            SiteId = site.Id,
            WorkingTimePercent = roll < 0.80 ? 100 : roll < 0.95 ? 80 : 50,
            Active = random.NextDouble() >= 0.03,
        };
        AddInitialSkills(advisor);
        return advisor;
    }
}
