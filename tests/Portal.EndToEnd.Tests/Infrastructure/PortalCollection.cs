namespace Portal.EndToEnd.Tests.Infrastructure;

/// <summary>Every end-to-end test shares one running portal and one Chromium.</summary>
[CollectionDefinition(Name)]
public sealed class PortalCollection : ICollectionFixture<PortalFixture>
{
    public const string Name = "Portal in Chromium";
}
