using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Services.Data;

namespace Portal.Testing;

/// <summary>
/// The real portal on a real Kestrel port (127.0.0.1, chosen by the system) over its own SQLite file in a
/// temporary folder, in the Development environment, so it migrates and creates the full demo as on a
/// developer's first start.
/// </summary>
public sealed class PortalAppFactory : WebApplicationFactory<Program>
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "portal-tests", Guid.NewGuid().ToString("N"));

    private readonly string environment;
    private readonly IReadOnlyDictionary<string, string?> settings;
    private readonly Action<IServiceCollection>? services;

    /// <param name="environment">The hosting environment; Development creates the demo and its logins.</param>
    /// <param name="settings">Extra configuration, e.g. <c>Demo:Seed</c>.</param>
    /// <param name="services">Extra services for the host, e.g. an <c>IHostEndpoints</c> mapping endpoints of the test's own.</param>
    public PortalAppFactory(string environment = "Development", IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        this.environment = environment;
        this.settings = settings ?? new Dictionary<string, string?>();
        this.services = services;
        Directory.CreateDirectory(folder);
        DatabaseFile = Path.Combine(folder, "portal.db");
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
    }

    /// <summary>
    /// An endpoint every test host maps without naming who may use it: deny by default must make it answer 404 to
    /// everyone, signed in or not.
    /// </summary>
    public const string UndeclaredEndpoint = "/testing/undeclared";

    public string DatabaseFile { get; }

    public Uri BaseAddress { get; private set; } = default!;

    /// <summary>Starts the server (migrations and demo included) and reads back its address.</summary>
    public void Start()
    {
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.EndsWith('/') ? address : address + "/");
    }

    public PortalDbContext CreateDbContext() =>
        Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContext();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        builder.UseSetting("ConnectionStrings:Portal", $"Data Source={DatabaseFile}");
        builder.UseSetting("Database:Provider", "Sqlite");
        // The tests sign in far more often than a person could from one address; a test of the limits sets its own.
        builder.UseSetting("RateLimiting:SignIn:PerAddressPerMinute", "100000");
        builder.UseSetting("RateLimiting:SignIn:PerAccountPerQuarterHour", "100000");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureTestServices(collection =>
        {
            collection.AddSingleton<Portal.Web.Access.IHostEndpoints, UndeclaredEndpoints>();
            services?.Invoke(collection);
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open is left to the system's temporary-folder cleaning.
        }
    }
}

/// <summary>Maps <see cref="PortalAppFactory.UndeclaredEndpoint"/>, answering what would leak if it were reachable.</summary>
internal sealed class UndeclaredEndpoints : Portal.Web.Access.IHostEndpoints
{
    public void Map(Microsoft.AspNetCore.Routing.IEndpointRouteBuilder endpoints) =>
        Microsoft.AspNetCore.Builder.EndpointRouteBuilderExtensions.MapGet(endpoints, PortalAppFactory.UndeclaredEndpoint, () => "undeclared endpoint reached");
}
