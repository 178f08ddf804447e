using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Access;
using Portal.Domain.Advisors;
using Portal.Domain.Regions;
using Portal.Domain.Sites;
using Portal.Domain.Skills;
using Portal.Services.Advisors;

using Portal.Components.Tests.Forms;

namespace Portal.Components.Tests.Advisors;

/// <summary>
/// One BPL advisor (E900001, FIDEL at level 3) in an in-memory SQLite database, and the real
/// <see cref="AdvisorProfileService"/> over it. The service's validators count their runs: zero means the form
/// never sent anything. The forms get validators of their own from the container, as in the portal.
/// </summary>
public abstract class AdvisorFormTest : PortalComponentTest
{
    protected const string Number = "E900001";
    protected const int Rennes = 10;
    protected const int Nantes = 11;
    protected const int Fidel = 6;
    protected const int Written = 7;

    protected static readonly Actor Director = new("director.bpl@portal.demo", PortalRole.RegionalDirector, RegionId: 2);

    protected AdvisorFormTest()
    {
        Database = new TestDatabase(db =>
        {
            db.Regions.Add(new Region { Id = 2, Code = "BPL", Name = "Bretagne-Pays de la Loire" });
            db.Sites.Add(new Site { Id = Rennes, Name = "Plateau Rennes", City = "Rennes", RegionId = 2, Kind = SiteKind.InHouse });
            db.Sites.Add(new Site { Id = Nantes, Name = "Plateau Nantes", City = "Nantes", RegionId = 2, Kind = SiteKind.InHouse });
            db.Skills.Add(new Skill { Id = Fidel, Code = "FIDEL", Name = "Fidélisation" });
            db.Skills.Add(new Skill { Id = Written, Code = "ECRIT", Name = "Canaux écrits" });
            db.Advisors.Add(new Advisor
            {
                EmployeeNumber = Number, FirstName = "Anne", LastName = "Abiven", SiteId = Rennes, WorkingTimePercent = 100,
                Skills = [new AdvisorSkill { SkillId = Fidel, Level = ProficiencyLevel.Confirmed, CertifiedOn = new DateOnly(2025, 1, 6), Source = CertificationSource.Initial }],
            });
        });
        SkillChanges = new CountingValidator<SkillChange>(new SkillChangeValidator(TimeProvider.System));
        NewAdvisors = new CountingValidator<NewAdvisor>(new NewAdvisorValidator());
        // The base context has already handed out services, so these come from a provider of their own.
        var services = new ServiceCollection()
            .AddSingleton(TimeProvider.System)
            .AddValidatorsFromAssemblyContaining<SkillChangeValidator>(ServiceLifetime.Singleton)
            .AddSingleton(new AdvisorProfileService(Database, SkillChanges, NewAdvisors, TimeProvider.System));
        Services.AddFallbackServiceProvider(services.BuildServiceProvider());
    }

    protected TestDatabase Database { get; }

    /// <summary>How often the service validated a skill change, that is how often it was asked.</summary>
    protected CountingValidator<SkillChange> SkillChanges { get; }

    /// <summary>How often the service validated advisor details (creation or change).</summary>
    protected CountingValidator<NewAdvisor> NewAdvisors { get; }

    protected Task<AdvisorProfile?> ProfileAsync() => Services.GetRequiredService<AdvisorProfileService>().GetAsync(Director, Number);

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Database.Dispose();
    }
}
