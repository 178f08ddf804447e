using Portal.Testing;

namespace Portal.Integration.Tests;

/// <summary>One running portal, with the full demo, shared by the tests that only read or that use their own users.</summary>
public sealed class PortalFixture : IAsyncLifetime
{
    public PortalAppFactory App { get; } = new();

    /// <summary>The local date the demo was built around (read when the app started, so a run crossing midnight stays consistent).</summary>
    public DateOnly Today { get; private set; }

    public ValueTask InitializeAsync()
    {
        Today = Portal.Domain.Time.LocalCalendar.Paris.Today(TimeProvider.System);
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
