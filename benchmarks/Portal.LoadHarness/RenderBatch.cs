using System.Buffers.Binary;
using System.Text;

namespace Portal.LoadHarness;

/// <summary>An element's event handler as a render batch gives it: the attribute (onclick), its id, the element's attributes.</summary>
internal sealed record HandlerFrame(string Name, ulong Id, IReadOnlyDictionary<string, string> ElementAttributes);

/// <summary>
/// What the harness needs of a render batch, read as blazor.web.js reads the out-of-process format
/// (OutOfProcessRenderBatch.ts): the event handlers of the elements it adds, the handlers it assigns to existing
/// elements (attribute frames of SetAttribute edits, in order) and the handler ids it disposes, in order.
/// </summary>
internal sealed class RenderBatch
{
    private const int FrameLength = 20;
    private const int ElementFrame = 1;
    private const int AttributeFrame = 3;

    public List<HandlerFrame> Added { get; } = [];

    public List<(string Name, ulong Id)> Reassigned { get; } = [];

    public List<ulong> Disposed { get; } = [];

    public static RenderBatch Read(byte[] data)
    {
        var batch = new RenderBatch();
        var strings = Int(data, data.Length - 4);
        var frames = Int(data, data.Length - 16);
        var count = Int(data, frames);
        var start = frames + 4;
        var ownedUntil = -1;
        Dictionary<string, string>? attributes = null;
        List<(string, ulong)>? handlers = null;
        void Flush()
        {
            if (handlers is not null)
            {
                foreach (var (name, id) in handlers)
                {
                    batch.Added.Add(new HandlerFrame(name, id, attributes!));
                }
            }
            handlers = null;
            attributes = null;
        }
        for (var i = 0; i < count; i++)
        {
            var at = start + i * FrameLength;
            var type = Int(data, at);
            if (type == AttributeFrame)
            {
                var name = String(data, strings, Int(data, at + 4)) ?? "";
                var handler = BinaryPrimitives.ReadUInt64LittleEndian(data.AsSpan(at + 12));
                if (i < ownedUntil && attributes is not null)
                {
                    if (handler > 0)
                    {
                        (handlers ??= []).Add((name, handler));
                    }
                    else
                    {
                        attributes[name] = String(data, strings, Int(data, at + 8)) ?? "";
                    }
                }
                else if (handler > 0)
                {
                    batch.Reassigned.Add((name, handler));
                }
                continue;
            }
            Flush();
            ownedUntil = -1;
            if (type == ElementFrame)
            {
                // An element's attributes come right after it, inside its subtree.
                ownedUntil = i + Int(data, at + 4);
                attributes = new Dictionary<string, string>(StringComparer.Ordinal) { ["$element"] = String(data, strings, Int(data, at + 8)) ?? "" };
            }
        }
        Flush();
        var disposed = Int(data, data.Length - 8);
        var disposedCount = Int(data, disposed);
        for (var i = 0; i < disposedCount; i++)
        {
            batch.Disposed.Add(BinaryPrimitives.ReadUInt64LittleEndian(data.AsSpan(disposed + 4 + i * 8)));
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
