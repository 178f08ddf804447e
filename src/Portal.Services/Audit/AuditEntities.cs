namespace Portal.Services.Audit;

/// <summary>The entity names the audit log records, so that writing an entry and looking one up use the same word.</summary>
public static class AuditEntities
{
    public const string Advisor = "Advisor";
    public const string AdvisorSkill = "AdvisorSkill";
    public const string Enrolment = "Enrolment";
    public const string TrainingSession = "TrainingSession";
    public const string Course = "Course";
    public const string Region = "Region";
    public const string RolloutSettings = "RolloutSettings";
    public const string Shift = "Shift";
    public const string PublishedWeek = "PublishedWeek";
    public const string AdvisorCalendar = "AdvisorCalendar";
    public const string Channel = "Channel";

    /// <summary>A login: its creation and every change a national administrator makes to it.</summary>
    public const string User = "User";

    /// <summary>Sign-in, sign-out, lockout and two-factor events of a login.</summary>
    public const string Session = "Session";
}
