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
    public async Task<HttpResponseMessage> LoginAsync(string email, string password, string? returnUrl = null)
    {
        var path = returnUrl is null ? "Account/Login" : $"Account/Login?ReturnUrl={Uri.EscapeDataString(returnUrl)}";
        var page = await client.GetStringAsync(path);
        var token = TokenPattern().Match(page).Groups[1].Value;
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
            ["_handler"] = "login",
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
        return await client.PostAsync(path, form);
    }

    /// <summary>
    /// Posts a form as the page's own form would: the antiforgery token is read from a page of the current user
    /// (<paramref name="tokenFrom"/>), as a browser holds it.
    /// </summary>
    public async Task<HttpResponseMessage> PostFormAsync(string path, IDictionary<string, string> fields, string tokenFrom = "Account/Login")
    {
        var page = await client.GetStringAsync(tokenFrom.TrimStart('/'));
        var values = new Dictionary<string, string>(fields)
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(TokenPattern().Match(page).Groups[1].Value),
        };
        using var form = new FormUrlEncodedContent(values);
        return await client.PostAsync(path.TrimStart('/'), form);
    }

    /// <summary>Posts a form without any antiforgery token, as a request forged by another site would.</summary>
    public async Task<HttpResponseMessage> PostFormWithoutTokenAsync(string path, IDictionary<string, string> fields)
    {
        using var form = new FormUrlEncodedContent(fields);
        return await client.PostAsync(path.TrimStart('/'), form);
    }

    public System.Net.Http.Headers.HttpRequestHeaders Headers => client.DefaultRequestHeaders;

    public void Dispose() => client.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
