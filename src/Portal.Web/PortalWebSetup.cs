using System.Globalization;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.FileProviders;
using MudBlazor.Services;
using Portal.Services;
using Portal.Services.Access;
using Portal.Services.Data;
using Portal.Web.Access;
using Portal.Web.Components;
using Portal.Web.Components.Account;
using Portal.Web.Endpoints;
using Portal.Web.Security;
using Microsoft.Extensions.Options;

namespace Portal.Web;

internal static class PortalWebSetup
{
    public static readonly CultureInfo[] Cultures = [new("fr-FR"), new("en-GB")];

    /// <summary>The portal's own styles and images, at the portal's root (the repository's <c>wwwroot-assets/</c>).</summary>
    public const string AssetsFolder = "wwwroot-assets";

    /// <summary>The Redis connection of the SignalR backplane (<c>SignalR:Redis</c>); none, no backplane.</summary>
    public const string RedisSetting = "SignalR:Redis";

    public static IServiceCollection AddPortalWeb(this IServiceCollection services, string portalRoot, IConfiguration configuration)
    {
        services.AddHttpContextAccessor();
        services.AddSingleton<Portal.Services.Audit.IClientAddress, HttpClientAddress>();
        services.AddPortalServices(portalRoot);
        services.AddRazorComponents().AddInteractiveServerComponents(options =>
            // A dropped connection (a train tunnel, a laptop lid) has three minutes to come back to its page as it left it.
            options.DisconnectedCircuitRetentionPeriod = TimeSpan.FromMinutes(3));
        // Several instances behind a load balancer: the hubs' messages go through Redis so that every instance sees
        // them. Circuits themselves stay on the instance that started them (sticky sessions, see docs/deployment.md).
        if (configuration[RedisSetting] is { Length: > 0 } redis)
        {
            services.AddSignalR().AddStackExchangeRedis(redis, options => options.Configuration.ChannelPrefix = StackExchange.Redis.RedisChannel.Literal("portal"));
        }
        services.AddMudServices();
        services.AddLocalization(options => options.ResourcesPath = "Resources");

        services.AddCascadingAuthenticationState();
        services.AddScoped<IdentityRedirectManager>();
        services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();
        var authentication = services.AddAuthentication(options =>
            {
                options.DefaultScheme = IdentityConstants.ApplicationScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            });
        authentication.AddIdentityCookies();
        authentication.AddPortalSingleSignOn(configuration);
        services.AddScoped<ExternalSignIn>();
        services.AddPortalIdentityCore().AddSignInManager<PortalSignInManager>();
        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/Account/Login";
            // A page the user may not use answers as if it did not exist.
            options.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            };
        });
        services.AddOptions<SessionSettings>().BindConfiguration(SessionSettings.Section);
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<IOptions<SessionSettings>, TimeProvider, SessionRevocations>((options, settings, clock, revocations) =>
                SessionLifetime.Configure(options, settings.Value, clock, revocations));
        services.AddSingleton<SessionRevocations>();
        services.AddOptions<SecurityStampValidatorOptions>().Configure<TimeProvider>((options, clock) =>
        {
            options.ValidationInterval = SessionLifetime.ValidationInterval;
            options.TimeProvider = clock;
        });
        services.AddSingleton<IAuthorizationPolicyProvider, AreaPolicyProvider>();
        // Deny by default: an endpoint or page that names no policy still needs a signed-in user.
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        services.AddPortalForwardedHeaders();
        services.AddSignInThrottle();
        services.AddHealthChecks().AddDbContextCheck<PortalDbContext>();
        return services;
    }

    public static WebApplication UsePortalWeb(this WebApplication app, string portalRoot)
    {
        // First: the address and scheme every later step sees (audit, HTTPS redirection, the hub's origin check).
        app.UsePortalForwardedHeaders();
        app.UseSecurityHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
            app.UseHsts();
            app.UseHttpsRedirection();
        }
        app.UseSameOriginCircuits();
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        // The portal's styles and images are public (the login page needs them): served before authorization.
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(Path.Combine(portalRoot, AssetsFolder)),
            RequestPath = "/assets",
        });
        // Routing and authorization after the status-code pages, so a re-executed not-found page is routed and authorized too.
        app.UseRouting();
        app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(Cultures[0]),
            SupportedCultures = Cultures,
            SupportedUICultures = Cultures,
            // Only the user's choice counts (cookie), not the browser's language: French unless English was chosen.
            RequestCultureProviders = [new CookieRequestCultureProvider()],
        });
        // After localization, so that a refusal speaks the user's language; before the forms check anything.
        app.UseSignInThrottle();
        // Before authentication, so that an endpoint without a declared policy is unknown to the anonymous as to the signed-in.
        app.UseDeclaredAccessOnly();
        app.UseAuthentication();
        app.UseTwoFactorEnrolment();
        app.UseAuthorization();
        app.UseAntiforgery();
        // The framework's and MudBlazor's files are public, as the portal's own assets are.
        app.MapStaticAssets().AllowAnonymous();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        app.MapAdditionalIdentityEndpoints();
        app.MapExternalLoginEndpoints();
        app.MapPreferenceEndpoints();
        app.MapSkillsExportEndpoints();
        app.MapAdvisorExportEndpoints();
        app.MapTrainingEndpoints();
        app.MapCompletionExportEndpoints();
        app.MapAssignmentEndpoints();
        app.MapHealthChecks("/health").AllowAnonymous();
        foreach (var host in app.Services.GetServices<IHostEndpoints>())
        {
            host.Map(app);
        }
        return app;
    }
}
