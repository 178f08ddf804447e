using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Portal.EndToEnd.Tests.Infrastructure;
using Portal.EndToEnd.Tests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Portal.EndToEnd.Tests.Faults;

/// <summary>
/// A connection that drops (a train tunnel, a flaky Wi-Fi) and comes back within the circuit's three minutes of
/// retention finds the page as the user left it: the same document, the same server-side state, still interactive.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed partial class ReconnectTests(PortalFixture portal) : BrowserTest(portal)
{
    [Fact]
    public async Task A_dropped_connection_that_comes_back_keeps_the_page_s_search_and_stays_interactive()
    {
        // Every connection to the circuits' hub goes through here, so the test can cut it and refuse reconnections
        // (WebSocket and the HTTP fallbacks alike) until it restores the network.
        var cut = false;
        var sockets = new List<IWebSocketRoute>();
        await Page.RouteWebSocketAsync(BlazorHub(), async socket =>
        {
            if (cut)
            {
                await socket.CloseAsync(new() { Code = 4000, Reason = "network down" });
                return;
            }
            lock (sockets)
            {
                sockets.Add(socket);
            }
            socket.ConnectToServer();
        });
        await Page.RouteAsync(BlazorHub(), async route =>
        {
            if (cut)
            {
                await route.AbortAsync("internetdisconnected");
            }
            else
            {
                await route.ContinueAsync();
            }
        });
        await (await LoginPage.OpenAsync(Page)).SignInAsync(DemoLogins.DirectorBpl);
        await Page.GotoAsync("advisors");
        await Expect(Page.Locator("[data-interactive='true']")).ToBeVisibleAsync();
        var numbers = Page.GetByTestId("employee-number");
        await Expect(numbers).ToHaveCountAsync(25);
        var wanted = (await numbers.Nth(3).InnerTextAsync()).Trim();
        await Page.GetByLabel("Nom ou matricule").FillAsync(wanted);
        await Expect(numbers).ToHaveCountAsync(1);
        // A reload would lose this: its presence afterwards shows the page was never reloaded.
        await Page.EvaluateAsync("() => window.portalBeforeTheCut = true");

        cut = true;
        IWebSocketRoute[] open;
        lock (sockets)
        {
            open = [.. sockets];
        }
        foreach (var socket in open)
        {
            await socket.CloseAsync(new() { Code = 4000, Reason = "network down" });
        }
        // Blazor's own reconnection notice ("Rejoining the server...", then "Rejoin failed... trying again"), in the
        // shadow root of #components-reconnect-modal.
        var reconnecting = Page.Locator("#components-reconnect-modal").GetByText(Rejoining());
        await Expect(reconnecting).ToBeVisibleAsync(new() { Timeout = 30_000 });
        cut = false;
        await Expect(reconnecting).ToBeHiddenAsync(new() { Timeout = 60_000 });

        Assert.True(await Page.EvaluateAsync<bool>("() => window.portalBeforeTheCut === true"));
        await Expect(Page.GetByLabel("Nom ou matricule")).ToHaveValueAsync(wanted);
        await Expect(numbers).ToHaveCountAsync(1);
        await Expect(numbers).ToHaveTextAsync(wanted);
        // The circuit answers again: clearing the search is handled on the server and brings the whole list back.
        await Page.GetByLabel("Nom ou matricule").FillAsync("");
        await Expect(numbers).ToHaveCountAsync(25);
    }

    [GeneratedRegex("Rejoin")]
    private static partial Regex Rejoining();

    [GeneratedRegex(@"/_blazor(\?|/|$)")]
    private static partial Regex BlazorHub();
}
