using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Portal.Domain.Access;
using Portal.Services.Access;

namespace Portal.Web.Access;

/// <summary>Builds the policy of each area from the access rules, so pages and services read the same table.</summary>
public sealed class AreaPolicyProvider(IOptions<AuthorizationOptions> options) : DefaultAuthorizationPolicyProvider(options)
{
    public override async Task<AuthorizationPolicy?> GetPolicyAsync(string policyName)
    {
        if (policyName.StartsWith(AreaAuthorizeAttribute.Prefix, StringComparison.Ordinal)
            && Enum.TryParse<Area>(policyName[AreaAuthorizeAttribute.Prefix.Length..], out var area))
        {
            return new AuthorizationPolicyBuilder()
                .RequireAuthenticatedUser()
                .RequireAssertion(context => context.User.ToActor() is { } actor && AccessRules.CanUse(actor, area))
                .Build();
        }
        return await base.GetPolicyAsync(policyName);
    }
}
