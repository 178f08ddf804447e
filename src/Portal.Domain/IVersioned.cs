namespace Portal.Domain;

/// <summary>
/// An entity two people may edit at once. <see cref="Version"/> is an application-managed
/// optimistic concurrency token: the data layer increments it on every update and refuses a save
/// whose version no longer matches the stored one.
/// </summary>
public interface IVersioned
{
    int Version { get; set; }
}
