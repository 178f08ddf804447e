namespace Portal.Services.Demo;

/// <summary>The audit entry that marks a database as created by the demo.</summary>
public static class DemoMarker
{
    public const string Entity = "Demo";
    public const string Key = "demo";
}
