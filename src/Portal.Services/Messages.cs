using System.Globalization;
using System.Resources;

[assembly: NeutralResourcesLanguage("fr")]

namespace Portal.Services;

/// <summary>
/// Messages the services write for people (import errors), in the current UI culture: French by default,
/// English when the user chose it. The texts live in Resources/Messages.resx and Messages.en.resx.
/// </summary>
public static class Messages
{
    private static readonly ResourceManager Resources = new("Portal.Services.Resources.Messages", typeof(Messages).Assembly);

    public static string Format(string key, params object[] args)
    {
        var text = Resources.GetString(key, CultureInfo.CurrentUICulture) ?? key;
        return args.Length == 0 ? text : string.Format(CultureInfo.CurrentCulture, text, args);
    }
}
