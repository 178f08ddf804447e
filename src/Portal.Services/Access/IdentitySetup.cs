using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Access;
using Portal.Services.Data;

namespace Portal.Services.Access;

public static class IdentitySetup
{
    /// <summary>The login store and its rules, shared by the web app and the administration tool.</summary>
    public static IdentityBuilder AddPortalIdentityCore(this IServiceCollection services)
    {
        // The set-password links the users page and the command line issue last 24 hours.
        services.Configure<DataProtectionTokenProviderOptions>(options => options.TokenLifespan = Users.UsersService.LinkLifetime);
        return services.AddIdentityCore<PortalUser>(options =>
            {
                options.SignIn.RequireConfirmedAccount = false;
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = PasswordLengthValidator.MinLength;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(5);
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<PortalDbContext>()
            .AddPasswordValidator<PasswordLengthValidator>()
            .AddClaimsPrincipalFactory<PortalClaimsFactory>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<PortalAuthenticatorTokenProvider>(TokenOptions.DefaultAuthenticatorProvider);
    }

    public static async Task EnsureRolesAsync(RoleManager<IdentityRole> roles)
    {
        foreach (var role in Enum.GetNames<PortalRole>())
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
    }
}
