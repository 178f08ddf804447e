using System.Net;
using System.Text.RegularExpressions;

namespace Portal.Testing;

/// <summary>An HTTP client that logs in through the real login form, keeping cookies and not following redirects.</summary>
public sealed partial class PortalBrowserClient : IDisposable
{
    private readonly HttpClient client;

    public PortalBrowserClient(Uri baseAddress)
    {
        Cookies = new CookieContainer();
        client = new HttpClient(new HttpClientHandler { CookieContainer = Cookies, AllowAutoRedirect = false }) { BaseAddress = baseAddress };
    }

    public CookieContainer Cookies { get; }

    public Task<HttpResponseMessage> GetAsync(string path) => client.GetAsync(path.TrimStart('/'));

    /// <summary>Posts the login form as a browser would; answers the response (302 on success).</summary>
    public async Task<HttpResponseMessage> LoginAsync(string email, string password)
    {
        var page = await client.GetStringAsync("Account/Login");
        var token = TokenPattern().Match(page).Groups[1].Value;
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
            ["_handler"] = "login",
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
        return await client.PostAsync("Account/Login", form);
    }

    public void Dispose() => client.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
