using System.Security.Cryptography;
using Microsoft.AspNetCore.Components.Web;

namespace Portal.Web.Components.Shared;

/// <summary>
/// Keeps a failing page from ending the user's circuit: the page's body gives way to a message in the user's language
/// with a reference, the layout and navigation stay, and the exception is logged with the same reference so support can
/// find it. The next page the user opens renders normally.
/// </summary>
public partial class PageErrorBoundary
{
    private string? failedAt;

    /// <summary>What the user reads out to support; the log line of the exception carries it as <c>ErrorReference</c>.</summary>
    public string? Reference { get; private set; }

    protected override Task OnErrorAsync(Exception exception)
    {
        Reference = Convert.ToHexString(RandomNumberGenerator.GetBytes(4));
        failedAt = Navigation.Uri;
        Logger.LogError(exception, "A page failed at {Address}; reference {ErrorReference}", failedAt, Reference);
        return Task.CompletedTask;
    }

    // The layout gives a new body on every render; recovering only once the address changed keeps a failing page from
    // being rendered (and failing) again when something else in the layout re-renders, such as the menu toggle.
    protected override void OnParametersSet()
    {
        if (CurrentException is not null && Navigation.Uri != failedAt)
        {
            Recover();
        }
    }
}
