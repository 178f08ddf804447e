using System.Resources;

[assembly: NeutralResourcesLanguage("fr")]

namespace Portal.Web;

/// <summary>The marker type of the portal's user-facing strings (Resources/SharedResource.resx: French; .en.resx: English).</summary>
public sealed class SharedResource;
