using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Portal.Domain;
using Portal.Domain.Advisors;
using Portal.Domain.Assignments;
using Portal.Domain.Audit;
using Portal.Domain.Channels;
using Portal.Domain.Forecast;
using Portal.Domain.Regions;
using Portal.Domain.Rollout;
using Portal.Domain.Sites;
using Portal.Domain.Skills;
using Portal.Domain.Subcontracting;
using Portal.Domain.Training;

namespace Portal.Services.Data;

public class PortalDbContext(DbContextOptions<PortalDbContext> options) : IdentityDbContext<PortalUser>(options), IDataProtectionKeyContext
{
    public DbSet<Region> Regions => Set<Region>();
    public DbSet<Site> Sites => Set<Site>();
    public DbSet<Advisor> Advisors => Set<Advisor>();
    public DbSet<AdvisorSkill> AdvisorSkills => Set<AdvisorSkill>();
    public DbSet<Skill> Skills => Set<Skill>();
    public DbSet<Channel> Channels => Set<Channel>();
    public DbSet<OpeningHours> OpeningHours => Set<OpeningHours>();
    public DbSet<ChannelSkill> ChannelSkills => Set<ChannelSkill>();
    public DbSet<Course> Courses => Set<Course>();
    public DbSet<CourseSkill> CourseSkills => Set<CourseSkill>();
    public DbSet<TrainingSession> TrainingSessions => Set<TrainingSession>();
    public DbSet<SessionDay> SessionDays => Set<SessionDay>();
    public DbSet<Enrolment> Enrolments => Set<Enrolment>();
    public DbSet<Attendance> Attendances => Set<Attendance>();
    public DbSet<Shift> Shifts => Set<Shift>();
    public DbSet<Absence> Absences => Set<Absence>();
    public DbSet<PublishedWeek> PublishedWeeks => Set<PublishedWeek>();
    public DbSet<AdvisorCalendar> AdvisorCalendars => Set<AdvisorCalendar>();
    public DbSet<SubcontractorCapacity> SubcontractorCapacities => Set<SubcontractorCapacity>();
    public DbSet<ForecastInterval> ForecastIntervals => Set<ForecastInterval>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<RolloutSettings> RolloutSettings => Set<RolloutSettings>();

    /// <summary>The key ring that protects sign-in cookies and set-password links, shared by every instance on this database.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored by name: readable in the database and safe against reordering.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        BumpVersions();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        BumpVersions();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>
    /// The concurrency token is managed here, not by the database (SQLite has no rowversion): an update writes
    /// Version + 1 where the stored Version still equals the expected one, so a second writer fails. The expected
    /// version is the one loaded, or the one a service set from the form the user edited (then that one counts).
    /// </summary>
    private void BumpVersions()
    {
        foreach (var entry in ChangeTracker.Entries<IVersioned>())
        {
            if (entry.State == EntityState.Modified)
            {
                var version = entry.Property(e => e.Version);
                if (version.IsModified)
                {
                    version.OriginalValue = version.CurrentValue;
                }
                version.CurrentValue = version.OriginalValue + 1;
            }
        }
    }
}
