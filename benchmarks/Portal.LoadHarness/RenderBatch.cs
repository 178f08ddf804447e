using System.Buffers.Binary;
using System.Text;

namespace Portal.LoadHarness;

/// <summary>A frame of a render batch's reference frames, as the out-of-process format gives it (20 bytes each).</summary>
internal readonly record struct Frame(int Type, int SubtreeLength, int ComponentId, string? Name, string? Value, ulong HandlerId)
{
    public const int Element = 1;
    public const int Text = 2;
    public const int Attribute = 3;
    public const int Component = 4;
    public const int Region = 5;
    public const int Markup = 8;
}

/// <summary>One edit of a component's diff: type, sibling index, reference frame (or move-to index), removed attribute.</summary>
internal readonly record struct Edit(int Type, int SiblingIndex, int FrameIndex, string? RemovedAttribute)
{
    public const int PrependFrame = 1;
    public const int RemoveFrame = 2;
    public const int SetAttribute = 3;
    public const int RemoveAttribute = 4;
    public const int UpdateText = 5;
    public const int StepIn = 6;
    public const int StepOut = 7;
    public const int UpdateMarkup = 8;
    public const int PermutationListEntry = 9;
    public const int PermutationListEnd = 10;
}

/// <summary>
/// A render batch read as blazor.web.js reads the out-of-process format (OutOfProcessRenderBatch.ts, written by the
/// server's RenderBatchWriter): the updated components with their edits, the reference frames the edits point at, the
/// disposed components and the disposed event handler ids. The trailer holds five offsets: updated components, reference
/// frames, disposed component ids, disposed event handler ids and the string table.
/// </summary>
internal sealed class RenderBatch
{
    private const int FrameLength = 20;
    private const int EditLength = 16;

    public List<(int ComponentId, List<Edit> Edits)> Updated { get; } = [];

    public List<Frame> Frames { get; } = [];

    public List<int> DisposedComponents { get; } = [];

    public List<ulong> DisposedHandlers { get; } = [];

    public static RenderBatch Read(byte[] data)
    {
        var batch = new RenderBatch();
        var end = data.Length;
        var updated = Int(data, end - 20);
        var frames = Int(data, end - 16);
        var disposedComponents = Int(data, end - 12);
        var disposedHandlers = Int(data, end - 8);
        var strings = Int(data, end - 4);

        for (int i = 0, n = Int(data, updated); i < n; i++)
        {
            var at = Int(data, updated + 4 + i * 4);
            var edits = new List<Edit>();
            for (int e = 0, count = Int(data, at + 4); e < count; e++)
            {
                var edit = at + 8 + e * EditLength;
                edits.Add(new Edit(Int(data, edit), Int(data, edit + 4), Int(data, edit + 8), String(data, strings, Int(data, edit + 12))));
            }
            batch.Updated.Add((Int(data, at), edits));
        }
        for (int i = 0, n = Int(data, frames); i < n; i++)
        {
            var at = frames + 4 + i * FrameLength;
            var type = Int(data, at);
            batch.Frames.Add(type switch
            {
                Frame.Element => new Frame(type, Int(data, at + 4), 0, String(data, strings, Int(data, at + 8)), null, 0),
                Frame.Attribute => new Frame(type, 0, 0, String(data, strings, Int(data, at + 4)), String(data, strings, Int(data, at + 8)),
                    BinaryPrimitives.ReadUInt64LittleEndian(data.AsSpan(at + 12))),
                Frame.Component => new Frame(type, Int(data, at + 4), Int(data, at + 8), null, null, 0),
                Frame.Region => new Frame(type, Int(data, at + 4), 0, null, null, 0),
                Frame.Text or Frame.Markup => new Frame(type, 0, 0, null, String(data, strings, Int(data, at + 4)), 0),
                _ => new Frame(type, 0, 0, null, null, 0),
            });
        }
        for (int i = 0, n = Int(data, disposedComponents); i < n; i++)
        {
            batch.DisposedComponents.Add(Int(data, disposedComponents + 4 + i * 4));
        }
        for (int i = 0, n = Int(data, disposedHandlers); i < n; i++)
        {
            batch.DisposedHandlers.Add(BinaryPrimitives.ReadUInt64LittleEndian(data.AsSpan(disposedHandlers + 4 + i * 8)));
        }
        return batch;
    }

    private static int Int(byte[] data, int at) => BinaryPrimitives.ReadInt32LittleEndian(data.AsSpan(at));

    private static string? String(byte[] data, int table, int index)
    {
        if (index < 0)
        {
            return null;
        }
        var at = Int(data, table + index * 4);
        // BinaryWriter's 7-bit encoded length, then UTF-8.
        int length = 0, shift = 0, read = 0;
        while (true)
        {
            var b = data[at + read++];
            length |= (b & 0x7F) << shift;
            if (b < 0x80)
            {
                break;
            }
            shift += 7;
        }
        return Encoding.UTF8.GetString(data, at + read, length);
    }
}
