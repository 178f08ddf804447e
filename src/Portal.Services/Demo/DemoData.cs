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

namespace Portal.Services.Demo;

/// <summary>Everything the demo creates, with identifiers assigned, ready to be written in bulk.</summary>
internal sealed class DemoData
{
    public List<Region> Regions { get; } = [];
    public List<Site> Sites { get; } = [];
    public List<Skill> Skills { get; } = [];
    public List<Channel> Channels { get; } = [];
    public List<Course> Courses { get; } = [];
    public List<Advisor> Advisors { get; } = [];
    public List<AdvisorSkill> AdvisorSkills { get; } = [];
    public List<TrainingSession> Sessions { get; } = [];
    public List<SessionDay> SessionDays { get; } = [];
    public List<Enrolment> Enrolments { get; } = [];
    public List<Attendance> Attendances { get; } = [];
    public List<Shift> Shifts { get; } = [];
    public List<Absence> Absences { get; } = [];
    public List<PublishedWeek> PublishedWeeks { get; } = [];
    public List<SubcontractorCapacity> Capacities { get; } = [];
    public List<ForecastInterval> Forecast { get; } = [];
    public List<AuditEntry> Audit { get; } = [];
    public RolloutSettings Settings { get; } = new() { Id = 1 };
}
