using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Channels;

namespace Portal.Services.Data.Configurations;

internal sealed class ChannelConfiguration : IEntityTypeConfiguration<Channel>
{
    private static readonly ValueComparer<double[]> ProfileComparer = new(
        (a, b) => a!.SequenceEqual(b!),
        v => v.Aggregate(17, (hash, x) => HashCode.Combine(hash, x)),
        v => v.ToArray());

    public void Configure(EntityTypeBuilder<Channel> entity)
    {
        entity.Property(c => c.Code).HasMaxLength(16);
        entity.HasIndex(c => c.Code).IsUnique();
        entity.Property(c => c.WeeklyProfile).HasConversion(v => Join(v), v => Split(v)).Metadata.SetValueComparer(ProfileComparer);
        entity.Property(c => c.IntradayProfile).HasConversion(v => Join(v), v => Split(v)).Metadata.SetValueComparer(ProfileComparer);
        entity.HasMany(c => c.OpeningHours).WithOne().HasForeignKey(o => o.ChannelId).OnDelete(DeleteBehavior.Cascade);
        entity.HasMany(c => c.RequiredSkills).WithOne().HasForeignKey(s => s.ChannelId).OnDelete(DeleteBehavior.Cascade);
        entity.HasVersion();
    }

    private static string Join(double[] values) =>
        string.Join(';', values.Select(v => v.ToString("R", CultureInfo.InvariantCulture)));

    private static double[] Split(string text) =>
        text.Length == 0 ? [] : text.Split(';').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
}

internal sealed class OpeningHoursConfiguration : IEntityTypeConfiguration<OpeningHours>
{
    public void Configure(EntityTypeBuilder<OpeningHours> entity) =>
        entity.HasIndex(o => new { o.ChannelId, o.Day }).IsUnique();
}

internal sealed class ChannelSkillConfiguration : IEntityTypeConfiguration<ChannelSkill>
{
    public void Configure(EntityTypeBuilder<ChannelSkill> entity)
    {
        entity.HasKey(s => new { s.ChannelId, s.SkillId });
        entity.HasOne(s => s.Skill).WithMany().HasForeignKey(s => s.SkillId).OnDelete(DeleteBehavior.Restrict);
    }
}
