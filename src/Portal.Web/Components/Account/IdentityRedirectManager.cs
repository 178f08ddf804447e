using Microsoft.AspNetCore.Components;
using Portal.Web.Endpoints;

namespace Portal.Web.Components.Account;

internal sealed class IdentityRedirectManager(NavigationManager navigationManager)
{
    /// <summary>Redirects within the portal; an address of another site (or a malformed one) goes to the dashboard.</summary>
    public void RedirectTo(string? uri)
    {
        if (uri is not null && Uri.IsWellFormedUriString(uri, UriKind.Absolute))
        {
            uri = "/";
        }
        var path = uri is { Length: > 0 } && !uri.StartsWith('/') ? "/" + uri : uri;
        navigationManager.NavigateTo(PreferenceEndpoints.LocalPathOrRoot(path));
    }
}
