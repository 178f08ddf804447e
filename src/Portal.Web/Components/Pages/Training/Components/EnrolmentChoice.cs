namespace Portal.Web.Components.Pages.Training.Components;

/// <summary>An advisor offered for enrolment: <see cref="Reason"/>, in the user's language, says why not, when not.</summary>
public sealed record EnrolmentChoice(int AdvisorId, string EmployeeNumber, string Name, string Site, string? Reason)
{
    public bool CanEnrol => Reason is null;
}

/// <summary>An advisor the service refused to enrol, and why (in the user's language).</summary>
public sealed record EnrolmentRefusal(string EmployeeNumber, string Name, string Reason);
