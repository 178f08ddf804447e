namespace Portal.EndToEnd.Tests.Infrastructure;

/// <summary>Screenshots kept as test artefacts beside the test binaries.</summary>
public static class Screenshots
{
    public static string Folder { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public static string PathOf(string name)
    {
        Directory.CreateDirectory(Folder);
        return Path.Combine(Folder, name + ".png");
    }
}
