using Portal.Testing;

namespace Portal.Integration.Tests;

/// <summary>One running portal, with the full demo, shared by the tests that only read or that use their own users.</summary>
public sealed class PortalFixture : IAsyncLifetime
{
    public PortalAppFactory App { get; } = new();

    public ValueTask InitializeAsync()
    {
        App.Start();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await App.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class PortalCollection : ICollectionFixture<PortalFixture>
{
    public const string Name = "portal";
}
