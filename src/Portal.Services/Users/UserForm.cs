using FluentValidation;
using Portal.Domain.Access;

namespace Portal.Services.Users;

/// <summary>A login as a national administrator creates it or changes its role and binding.</summary>
public sealed class UserForm
{
    public string Email { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public PortalRole Role { get; set; } = PortalRole.HR;

    /// <summary>The region code a regional director is bound to.</summary>
    public string? Region { get; set; }

    /// <summary>The employee number of the advisor record an advisor login is linked to.</summary>
    public string? Advisor { get; set; }
}

/// <summary>
/// The rules of a login's identity and binding, shared by the users page, the command line and the service: a director
/// has a region and nothing else, an advisor an advisor record and nothing else, the other roles neither.
/// </summary>
public sealed class UserFormValidator : AbstractValidator<UserForm>
{
    public UserFormValidator()
    {
        RuleFor(f => f.Email).NotEmpty().WithMessage("Users_EmailRequired")
            .MaximumLength(256).WithMessage("Users_EmailRequired")
            .EmailAddress().WithMessage("Users_EmailInvalid");
        RuleFor(f => f.DisplayName).MaximumLength(200).WithMessage("Users_NameTooLong");
        RuleFor(f => f.Role).IsInEnum().WithMessage("Users_RoleRequired");
        RuleFor(f => f.Region).NotEmpty().When(f => f.Role == PortalRole.RegionalDirector).WithMessage("Users_RegionRequired");
        RuleFor(f => f.Region).Empty().When(f => f.Role != PortalRole.RegionalDirector).WithMessage("Users_RegionForDirectorsOnly");
        RuleFor(f => f.Advisor).NotEmpty().When(f => f.Role == PortalRole.Advisor).WithMessage("Users_AdvisorRequired");
        RuleFor(f => f.Advisor).Empty().When(f => f.Role != PortalRole.Advisor).WithMessage("Users_AdvisorForAdvisorsOnly");
    }
}
