using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain;

namespace Portal.Services.Data.Configurations;

internal static class Versioning
{
    public static void HasVersion<T>(this EntityTypeBuilder<T> entity) where T : class, IVersioned =>
        entity.Property(e => e.Version).IsConcurrencyToken();
}
