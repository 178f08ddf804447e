using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Portal.Services.Access;
using Portal.Services.Advisors;
using Portal.Services.Coverage;
using Portal.Services.Dashboard;
using Portal.Services.Data;
using Portal.Services.Demo;
using Portal.Services.Forecast;
using Portal.Services.Regions;
using Portal.Services.Skills;
using Portal.Services.Stats;
using Portal.Services.Subcontracting;
using Portal.Services.Training;

namespace Portal.Services;

public static class ServiceCollectionExtensions
{
    /// <summary>The data-protection application name: keys protected under another name cannot be read by the portal.</summary>
    public const string DataProtectionApplicationName = "Portal";

    /// <summary>The database, the login store and the feature services, as the web app and the administration tool use them.</summary>
    public static IServiceCollection AddPortalServices(this IServiceCollection services, string portalRoot)
    {
        services.AddPortalDatabase(portalRoot);
        services.AddPortalIdentityCore();
        // One key ring in the database, under one application name: every instance of the portal accepts the cookies
        // the others issued, and a set-password link the administration tool prints opens in the portal.
        services.AddDataProtection().SetApplicationName(DataProtectionApplicationName)
            .PersistKeysToDbContext<PortalDbContext>();
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<DemoSeeder>();
        services.AddScoped<DashboardService>();
        services.AddScoped<RegionDirectory>();
        services.AddScoped<StatsService>();
        services.AddScoped<CoverageService>();
        services.AddScoped<AdvisorDirectory>();
        services.AddScoped<SkillsMatrixService>();
        services.AddScoped<AdvisorProfileService>();
        services.AddScoped<FluentValidation.IValidator<NewAdvisor>, NewAdvisorValidator>();
        services.AddScoped<Audit.AuditService>();
        services.AddScoped<FluentValidation.IValidator<SkillChange>, SkillChangeValidator>();
        services.AddScoped<SubcontractingService>();
        services.AddOptions<Files.ImportOptions>().BindConfiguration(Files.ImportOptions.Section);
        services.AddScoped<Files.ImportPipeline>();
        services.AddScoped<ForecastImportService>();
        services.AddScoped<AdvisorImportService>();
        services.AddScoped<AdvisorExportService>();
        services.AddScoped<FluentValidation.IValidator<CapacityForm>, CapacityFormValidator>();
        services.AddSingleton<FluentValidation.IValidator<Domain.Staffing.StaffingInput>, StaffingInputValidator>();
        services.AddScoped<Training.TrainingSessionService>();
        services.AddScoped<Training.EnrolmentService>();
        services.AddScoped<Training.AttendanceService>();
        services.AddSingleton<FluentValidation.IValidator<Training.TrainingSessionForm>, Training.TrainingSessionFormValidator>();
        services.AddSingleton<FluentValidation.IValidator<Training.CancelCompletionForm>, Training.CancelCompletionFormValidator>();
        services.AddScoped<CourseCatalogueService>();
        services.AddScoped<FluentValidation.IValidator<CourseForm>, CourseFormValidator>();
        services.AddScoped<TrainingCompletionService>();
        services.AddScoped<MyTrainingService>();
        services.AddScoped<Rollout.ReadinessService>();
        services.AddScoped<Rollout.SwitchService>();
        services.AddScoped<Rollout.RolloutPlanService>();
        services.AddScoped<Channels.ChannelService>();
        services.AddSingleton<FluentValidation.IValidator<Channels.ChannelForm>, Channels.ChannelFormValidator>();
        services.AddSingleton<FluentValidation.IValidator<Rollout.RolloutPlanForm>, Rollout.RolloutPlanFormValidator>();
        services.AddSingleton<FluentValidation.IValidator<Rollout.RolloutSettingsForm>, Rollout.RolloutSettingsFormValidator>();
        services.AddOptions<Domain.Assignments.PlanningSettings>().BindConfiguration(Domain.Assignments.PlanningSettings.Section);
        services.AddSingleton<FluentValidation.IValidator<Assignments.ShiftForm>, Assignments.ShiftFormValidator>();
        services.AddScoped<Assignments.AssignmentService>();
        services.AddScoped<Assignments.ShiftFileService>();
        services.AddScoped<Assignments.MyAssignmentsService>();
        services.TryAddSingleton<Audit.IClientAddress, Audit.NoClientAddress>();
        services.AddScoped<Users.UsersService>();
        services.AddScoped<Users.SecurityEvents>();
        services.AddSingleton<FluentValidation.IValidator<Users.UserForm>, Users.UserFormValidator>();
        services.AddOptions<Domain.Roster.RosterSettings>().BindConfiguration(Domain.Roster.RosterSettings.Section);
        services.AddScoped<Roster.RosterService>();
        services.AddOptions<Domain.TrainingPlan.TrainingPlanSettings>().BindConfiguration(Domain.TrainingPlan.TrainingPlanSettings.Section);
        services.AddScoped<TrainingPlan.TrainingPlanService>();
        return services;
    }
}
