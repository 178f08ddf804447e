using FluentValidation;
using Portal.Domain.Advisors;

namespace Portal.Services.Advisors;

/// <summary>A new advisor, as the form sends it.</summary>
public sealed record NewAdvisor(string EmployeeNumber, string LastName, string FirstName, int SiteId, int WorkingTimePercent, string? Team = null)
{
    /// <summary>The team as stored: trimmed, and none when blank.</summary>
    public string? TeamName => string.IsNullOrWhiteSpace(Team) ? null : Team.Trim();
}

/// <summary>A change of an advisor's data, with the version the user saw.</summary>
public sealed record AdvisorDetails(string EmployeeNumber, int Version, string LastName, string FirstName, int SiteId, int WorkingTimePercent,
    string? Team = null)
{
    public NewAdvisor AsNew() => new(EmployeeNumber, LastName, FirstName, SiteId, WorkingTimePercent, Team);
}

/// <summary>The rules of a new advisor, shared by the form and the service; messages are resource keys.</summary>
public sealed partial class NewAdvisorValidator : AbstractValidator<NewAdvisor>
{
    public NewAdvisorValidator()
    {
        RuleFor(a => a.EmployeeNumber).Matches(EmployeeNumberPattern()).WithMessage("Advisor_EmployeeNumberFormat");
        RuleFor(a => a.LastName).Must(n => !string.IsNullOrWhiteSpace(n) && n.Trim().Length <= 100).WithMessage("Advisor_NameRequired")
            .Must(IsNotAFormula).WithMessage("Advisor_NameFormula");
        RuleFor(a => a.FirstName).Must(n => !string.IsNullOrWhiteSpace(n) && n.Trim().Length <= 100).WithMessage("Advisor_NameRequired")
            .Must(IsNotAFormula).WithMessage("Advisor_NameFormula");
        RuleFor(a => a.SiteId).GreaterThan(0).WithMessage("Capacity_SiteRequired");
        RuleFor(a => a.WorkingTimePercent).InclusiveBetween(1, 100).WithMessage("Advisor_WorkingTimeRange");
        // A team is optional; when given it is a short name the planner filters by.
        RuleFor(a => a.Team).Must(t => t is null || t.Trim().Length <= Advisor.TeamMaxLength).WithMessage("Advisor_TeamLength")
            .Must(IsNotAFormula).WithMessage("Advisor_TeamFormula");
    }

    /// <summary>A name never starts like a spreadsheet formula: exports would have to alter it, and no person's name does.</summary>
    public static bool IsNotAFormula(string? name) => name?.TrimStart() is not { Length: > 0 } text || "=+@".IndexOf(text[0], StringComparison.Ordinal) < 0;

    [System.Text.RegularExpressions.GeneratedRegex("^[A-Za-z0-9]{1,16}$")]
    private static partial System.Text.RegularExpressions.Regex EmployeeNumberPattern();
}
