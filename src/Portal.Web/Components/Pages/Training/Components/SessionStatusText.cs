using Microsoft.Extensions.Localization;
using Portal.Domain.Training;
using Portal.Services.Training;

namespace Portal.Web.Components.Pages.Training.Components;

/// <summary>The words for a session's and an enrolment's status, written out so that each key is found where it is used.</summary>
public static class SessionStatusText
{
    public static string Of(IStringLocalizer localizer, SessionStatus status) => localizer[status switch
    {
        SessionStatus.Planned => "Session_Status_Planned",
        SessionStatus.Ongoing => "Session_Status_Ongoing",
        _ => "Session_Status_Done",
    }];

    public static string Of(IStringLocalizer localizer, EnrolmentStatus status) => localizer[status switch
    {
        EnrolmentStatus.Planned => "SessionEnrolment_Status_Planned",
        EnrolmentStatus.Completed => "SessionEnrolment_Status_Completed",
        EnrolmentStatus.Failed => "SessionEnrolment_Status_Failed",
        EnrolmentStatus.NoShow => "SessionEnrolment_Status_NoShow",
        _ => "SessionEnrolment_Status_Cancelled",
    }];
}
