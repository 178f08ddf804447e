using Portal.Services.Data;
using Portal.Web;

var builder = WebApplication.CreateBuilder(args);
var portalRoot = PortalRoot.Find(builder.Environment.ContentRootPath);
builder.Configuration.AddPortalSettings(portalRoot, builder.Environment.EnvironmentName);
builder.Services.AddPortalWeb(portalRoot, builder.Configuration);

var app = builder.Build();
await DatabaseStartup.PrepareAsync(app.Services);
app.UsePortalWeb(portalRoot);
await app.RunAsync();

/// <summary>The web app's entry point, public so that test hosts can start it.</summary>
public partial class Program;
