using Portal.Domain.Advisors;
using Portal.Domain.Sites;
using Portal.Domain.Skills;
using static Portal.Services.Demo.DemoReferenceData;

namespace Portal.Services.Demo;

internal sealed partial class DemoBuilder
{
    private void AddInitialSkills(Advisor advisor)
    {
        var trainee = random.NextDouble() < 0.05;
        var profile = random.NextDouble();
        if (profile < 0.55)
        {
            Grant(advisor, MobileSales, trainee ? 1 : random.Next(2, 5));
            Grant(advisor, BroadbandSales, trainee ? 1 : random.Next(2, 5));
            if (random.NextDouble() < 0.7) Grant(advisor, Billing, random.Next(1, 4));
            if (random.NextDouble() < 0.2) Grant(advisor, Retention, random.Next(2, 4));
        }
        else
        {
            Grant(advisor, MobileTechnical, trainee ? 1 : random.Next(2, 5));
            Grant(advisor, BroadbandTechnical, trainee ? 1 : random.Next(2, 5));
            if (random.NextDouble() < 0.2) Grant(advisor, Billing, random.Next(1, 3));
        }
        // Some advisors were already versatile before the cross-skilling programme.
        if (!trainee && random.NextDouble() < 0.15)
        {
            Grant(advisor, profile < 0.55 ? BroadbandTechnical : BroadbandSales, 2);
        }
        if (random.NextDouble() < 0.30) Grant(advisor, Written, random.Next(2, 4));
    }

    private void Grant(Advisor advisor, int skillId, int level)
    {
        if (advisor.Skills.Any(s => s.SkillId == skillId))
        {
            return;
        }
        var skill = new AdvisorSkill
        {
            AdvisorId = advisor.Id, SkillId = skillId, Level = (ProficiencyLevel)level,
            CertifiedOn = today.AddDays(-random.Next(200, 2000)), Source = CertificationSource.Initial,
        };
        advisor.Skills.Add(skill);
        data.AdvisorSkills.Add(skill);
    }

    /// <summary>
    /// Voice asks for both broadband skills, and the regions that have not cross-skilled yet still need enough
    /// advisors who hold them to answer their calls: some were versatile before the programme. The share is raised
    /// region by region to what the demo's voice demand needs; training records are not touched, so the
    /// regionalisation training gate reads the same. A random source of its own keeps the rest of the demo as it was.
    /// </summary>
    private void AddVersatility()
    {
        var versatility = new Random(Seed + 2);
        var inHouse = data.Sites.Where(s => s.Kind == SiteKind.InHouse).ToDictionary(s => s.Id, s => s.RegionId);
        bool Holds(Advisor advisor, int skill) => advisor.Skills.Any(s => s.SkillId == skill && s.Level >= ProficiencyLevel.Certified);
        foreach (var region in data.Regions)
        {
            var active = data.Advisors.Where(a => a.Active && inHouse.TryGetValue(a.SiteId, out var r) && r == region.Id).ToList();
            var missing = (int)Math.Ceiling(active.Count * VoiceCertifiedShare) - active.Count(a => Holds(a, BroadbandSales) && Holds(a, BroadbandTechnical));
            var candidates = active.Where(a => Holds(a, BroadbandSales) != Holds(a, BroadbandTechnical)).OrderBy(_ => versatility.Next()).Take(Math.Max(0, missing));
            foreach (var advisor in candidates)
            {
                var skillId = Holds(advisor, BroadbandSales) ? BroadbandTechnical : BroadbandSales;
                var held = advisor.Skills.FirstOrDefault(s => s.SkillId == skillId);
                if (held is null)
                {
                    held = new AdvisorSkill { AdvisorId = advisor.Id, SkillId = skillId, Source = CertificationSource.Initial };
                    advisor.Skills.Add(held);
                    data.AdvisorSkills.Add(held);
                }
                held.Level = ProficiencyLevel.Certified;
                held.CertifiedOn = today.AddDays(-versatility.Next(400, 2000));
            }
        }
    }

    /// <summary>Share of a region's active in-house advisors certified for voice that its demand needs (docs/adr/0014).</summary>
    private const double VoiceCertifiedShare = 0.75;
}
