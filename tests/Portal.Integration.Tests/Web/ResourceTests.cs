using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using Portal.Testing;

namespace Portal.Integration.Tests.Web;

/// <summary>Every string the interface shows exists in French and in English.</summary>
public partial class ResourceTests
{
    private static readonly ResourceManager Strings = new("Portal.Web.Resources.SharedResource", typeof(Program).Assembly);

    private static HashSet<string> Keys(CultureInfo culture) =>
        Strings.GetResourceSet(culture, createIfNotExists: true, tryParents: false)!
            .Cast<System.Collections.DictionaryEntry>().Select(e => (string)e.Key).ToHashSet();

    [Fact]
    public void French_and_english_have_the_same_strings()
    {
        var french = Keys(CultureInfo.InvariantCulture);
        var english = Keys(new CultureInfo("en"));

        Assert.True(french.Count > 50);
        Assert.Empty(french.Except(english));
        Assert.Empty(english.Except(french));
    }

    [Fact]
    public void Service_messages_exist_in_french_and_in_english()
    {
        var messages = new ResourceManager("Portal.Services.Resources.Messages", typeof(Portal.Services.Messages).Assembly);
        HashSet<string> KeysOf(CultureInfo culture) => messages.GetResourceSet(culture, createIfNotExists: true, tryParents: false)!
            .Cast<System.Collections.DictionaryEntry>().Select(e => (string)e.Key).ToHashSet();

        var french = KeysOf(CultureInfo.InvariantCulture);
        var english = KeysOf(new CultureInfo("en"));

        Assert.True(french.Count >= 15);
        Assert.Equal(french.Order(), english.Order());
        var used = Directory.EnumerateFiles(RepositoryPaths.Of("src", "Portal.Services"), "*.cs", SearchOption.AllDirectories)
            .SelectMany(f => MessagePattern().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value)).ToHashSet();
        Assert.NotEmpty(used);
        Assert.Empty(used.Except(french));
    }

    [Fact]
    public void Every_key_the_pages_use_exists()
    {
        var french = Keys(CultureInfo.InvariantCulture);
        var used = Directory.EnumerateFiles(RepositoryPaths.Of("src", "Portal.Web"), "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".razor", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => KeyPattern().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .ToHashSet();

        Assert.NotEmpty(used);
        Assert.Empty(used.Except(french));
    }

    [Theory]
    [InlineData("RegionStatus_", new[] { "Planned", "Preparing", "Switched" })]
    [InlineData("Channel_", new[] { "Voice", "Chat", "Email" })]
    [InlineData("Assignment_", new[] { "Shift", "Training" })]
    public void Keys_built_from_enum_names_exist(string prefix, string[] names)
    {
        var french = Keys(CultureInfo.InvariantCulture);

        Assert.All(names, n => Assert.Contains(prefix + n, french));
    }

    [Fact]
    public void English_strings_differ_from_french_where_the_languages_differ()
    {
        Assert.Equal("Tableau de bord", Strings.GetString("Nav_Dashboard", CultureInfo.InvariantCulture));
        Assert.Equal("Dashboard", Strings.GetString("Nav_Dashboard", new CultureInfo("en-GB")));
    }

    [GeneratedRegex("""L\["([A-Za-z_]+)"[\],]""")]
    private static partial Regex KeyPattern();

    [GeneratedRegex(@"Messages\.Format\(""([A-Za-z_]+)""")]
    private static partial Regex MessagePattern();
}
