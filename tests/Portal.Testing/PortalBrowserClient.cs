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

    /// <summary>
    /// The authenticator keys of logins with two-factor enrolled, so that <see cref="LoginAsync"/> can answer the second
    /// step as the user's app would (the demo national administrator's is the published demo key).
    /// </summary>
    public static System.Collections.Concurrent.ConcurrentDictionary<string, string> AuthenticatorKeys { get; } =
        new(StringComparer.OrdinalIgnoreCase) { ["national@portal.demo"] = "PORTALDEMONATIONALADMIN234567ABC" };

    // A code is accepted once (the portal refuses replays), and tests sign the same login in many times: the first
    // two-factor sign-in per portal and login asks to remember the device, and later ones bring that cookie along.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, (SemaphoreSlim Gate, Cookie? Device, long LastStep)> Devices = new();

    /// <summary>
    /// Posts the login form as a browser would; answers the response (302 on success). A login with a known
    /// authenticator key also goes through the two-factor step; the answer is then that step's.
    /// </summary>
    public async Task<HttpResponseMessage> LoginAsync(string email, string password, string? returnUrl = null)
    {
        if (!AuthenticatorKeys.TryGetValue(email, out var key))
        {
            return await PasswordLoginAsync(email, password, returnUrl);
        }
        var slot = $"{client.BaseAddress}|{email.ToUpperInvariant()}";
        var device = Devices.GetOrAdd(slot, _ => (new SemaphoreSlim(1, 1), null, long.MinValue));
        await device.Gate.WaitAsync();
        try
        {
            device = Devices[slot];
            if (device.Device is { } remembered)
            {
                Cookies.Add(client.BaseAddress!, new Cookie(remembered.Name, remembered.Value, "/"));
            }
            var response = await PasswordLoginAsync(email, password, returnUrl);
            if (response.Headers.Location?.OriginalString.Contains("LoginWith2fa", StringComparison.Ordinal) != true)
            {
                return response;
            }
            var secondStep = response.Headers.Location!.OriginalString.TrimStart('/');
            response.Dispose();
            var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30;
            var step = Math.Max(now, device.LastStep + 1);
            var page = await client.GetStringAsync(secondStep);
            using var form = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = WebUtility.HtmlDecode(TokenPattern().Match(page).Groups[1].Value),
                ["_handler"] = "login-2fa",
                ["Input.Code"] = Portal.Services.Access.Totp.Code(Portal.Services.Access.Base32.Decode(key), step),
                ["Input.RememberDevice"] = "true",
            });
            var verified = await client.PostAsync(secondStep, form);
            var cookie = Cookies.GetAllCookies().FirstOrDefault(c => c.Name.Contains("TwoFactorRememberMe", StringComparison.Ordinal));
            Devices[slot] = (device.Gate, cookie ?? device.Device, step);
            return verified;
        }
        finally
        {
            device.Gate.Release();
        }
    }

    /// <summary>The remembered-device cookie of a two-factor login on that portal, once it has signed in through this client.</summary>
    public static Cookie? RememberedDevice(Uri baseAddress, string email) =>
        Devices.TryGetValue($"{baseAddress}|{email.ToUpperInvariant()}", out var device) ? device.Device : null;

    private async Task<HttpResponseMessage> PasswordLoginAsync(string email, string password, string? returnUrl)
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
