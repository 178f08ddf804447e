using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;

namespace Portal.Integration.Tests.Web;

/// <summary>Every routable page requires a login unless it is one of the few account or error pages.</summary>
public class RouteAuthorizationTests
{
    // The two-factor step and the set-password link come before a sign-in: their proof is the half-signed-in cookie or the link.
    private static readonly HashSet<string> Anonymous = ["/Account/Login", "/Account/LoginWith2fa", "/Account/SetPassword", "/Account/Lockout", "/not-found", "/Error"];

    private static IEnumerable<(Type Page, string Route)> Pages() =>
        typeof(Program).Assembly.GetTypes()
            .Where(t => typeof(IComponent).IsAssignableFrom(t))
            .SelectMany(t => t.GetCustomAttributes<RouteAttribute>().Select(r => (t, r.Template)));

    [Fact]
    public void Every_page_requires_authorization_unless_it_is_an_account_or_error_page()
    {
        var pages = Pages().ToList();

        Assert.True(pages.Count >= 20);
        foreach (var (page, route) in pages)
        {
            var authorize = page.GetCustomAttributes<AuthorizeAttribute>(inherit: true).Any();
            var anonymous = page.GetCustomAttributes<AllowAnonymousAttribute>(inherit: true).Any();
            if (Anonymous.Contains(route))
            {
                Assert.True(anonymous, $"{route} should be open to anonymous visitors");
            }
            else
            {
                Assert.True(authorize && !anonymous, $"{route} ({page.Name}) has no authorization requirement");
            }
        }
    }

    [Fact]
    public void Every_feature_page_names_the_area_it_belongs_to()
    {
        var general = new HashSet<string>(Anonymous) { "/", "/Account/Manage/ChangePassword", "/Account/Manage/TwoFactor" };

        var withoutArea = Pages()
            .Where(p => !general.Contains(p.Route))
            .Where(p => !p.Page.GetCustomAttributes<Portal.Web.Access.AreaAuthorizeAttribute>().Any())
            .Select(p => p.Route)
            .ToList();

        Assert.Empty(withoutArea);
    }
}
