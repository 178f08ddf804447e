using System.Text;

namespace Portal.LoadHarness;

/// <summary>A node of the harness's page: an element, a text, a markup block or the place of a child component.</summary>
internal abstract class Node
{
    public Container? Parent { get; set; }
}

internal class Container : Node
{
    public List<Node> Children { get; } = [];
}

internal sealed class ElementNode(string name) : Container
{
    public string Name { get; } = name;

    public Dictionary<string, string> Attributes { get; } = new(StringComparer.Ordinal);

    /// <summary>Event name (click) to the handler id the browser would dispatch to.</summary>
    public Dictionary<string, ulong> Handlers { get; } = new(StringComparer.Ordinal);

    public string? this[string attribute] => Attributes.GetValueOrDefault(attribute);

    public bool HasClass(string name) => (this["class"] ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(name, StringComparer.Ordinal);
}

internal sealed class TextNode(string text) : Node
{
    public string Text { get; set; } = text;
}

/// <summary>The logical container a component renders into, as blazor.web.js inserts one for each component frame.</summary>
internal sealed class ComponentNode(int componentId) : Container
{
    public int ComponentId { get; } = componentId;
}

/// <summary>
/// The page as the browser holds it, built by applying every render batch's edits as BrowserRenderer.ts applies them
/// (sibling indices over logical children: regions flattened, components one logical child each, attributes not
/// children). A click then reads the handler id the element carries now, as the browser's event delegation does, so a
/// re-rendered element, a replaced frame or a component re-created under another id is followed without guessing.
/// </summary>
internal sealed class Dom
{
    private readonly Dictionary<int, ComponentNode> components = [];
    private readonly HashSet<int> nested = [];

    public void Apply(RenderBatch batch)
    {
        foreach (var (componentId, edits) in batch.Updated)
        {
            ApplyEdits(Component(componentId), edits, batch.Frames);
        }
        foreach (var id in batch.DisposedComponents)
        {
            components.Remove(id);
            nested.Remove(id);
        }
    }

    /// <summary>The elements of the page in document order, from the root components down through their children.</summary>
    public IEnumerable<ElementNode> Elements() => Roots().SelectMany(Descendants).OfType<ElementNode>();

    public IEnumerable<Node> Descendants(Node node)
    {
        yield return node;
        if (node is not Container container)
        {
            yield break;
        }
        foreach (var child in container.Children.ToList())
        {
            foreach (var d in Descendants(child))
            {
                yield return d;
            }
        }
    }

    public string TextOf(Node node)
    {
        var text = new StringBuilder();
        foreach (var d in Descendants(node))
        {
            if (d is TextNode t)
            {
                text.Append(t.Text).Append(' ');
            }
        }
        return text.ToString();
    }

    /// <summary>How big the page is: what the server holds a render tree and an event binding for.</summary>
    public string Size()
    {
        var elements = Elements().ToList();
        return $"{components.Count} components, {elements.Count} elements, {elements.Sum(e => e.Handlers.Count)} event handlers";
    }

    public string Summary()
    {
        var roots = Roots().ToList();
        var text = string.Join(" / ", roots.Select(r => TextOf(r).Trim()));
        return $"{components.Count} components, roots {string.Join(",", roots.Select(r => $"{r.ComponentId}:{r.Children.Count}"))}, {Elements().Count()} elements, text: {text[..Math.Min(300, text.Length)]}";
    }

    private IEnumerable<ComponentNode> Roots() => components.Where(c => !nested.Contains(c.Key)).OrderBy(c => c.Key).Select(c => c.Value);

    private ComponentNode Component(int id)
    {
        if (!components.TryGetValue(id, out var node))
        {
            components[id] = node = new ComponentNode(id);
        }
        return node;
    }

    private void ApplyEdits(ComponentNode component, List<Edit> edits, List<Frame> frames)
    {
        Container parent = component;
        List<(int From, int To)>? permutation = null;
        foreach (var edit in edits)
        {
            // Sibling indices count from the start of the current parent (the component's container at the top).
            var at = edit.SiblingIndex;
            switch (edit.Type)
            {
                case Edit.PrependFrame:
                    InsertFrame(parent, at, frames, edit.FrameIndex);
                    break;
                case Edit.RemoveFrame:
                    Remove(parent, at);
                    break;
                case Edit.SetAttribute:
                    if (parent.Children[at] is ElementNode element)
                    {
                        ApplyAttribute(element, frames[edit.FrameIndex]);
                    }
                    break;
                case Edit.RemoveAttribute:
                    if (parent.Children[at] is ElementNode target && edit.RemovedAttribute is { } name)
                    {
                        target.Attributes.Remove(name);
                        target.Handlers.Remove(EventName(name));
                    }
                    break;
                case Edit.UpdateText:
                    if (parent.Children[at] is TextNode text)
                    {
                        text.Text = frames[edit.FrameIndex].Value ?? "";
                    }
                    break;
                case Edit.UpdateMarkup:
                    Remove(parent, at);
                    InsertFrame(parent, at, frames, edit.FrameIndex);
                    break;
                case Edit.StepIn:
                    parent = (Container)parent.Children[at];
                    break;
                case Edit.StepOut:
                    parent = parent.Parent!;
                    break;
                case Edit.PermutationListEntry:
                    (permutation ??= []).Add((at, edit.FrameIndex));
                    break;
                case Edit.PermutationListEnd:
                    var moving = permutation!.Select(p => (Node: parent.Children[p.From], p.To)).ToList();
                    foreach (var (node, to) in moving)
                    {
                        parent.Children[to] = node;
                    }
                    permutation = null;
                    break;
            }
        }
    }

    private static void Remove(Container parent, int at)
    {
        var node = parent.Children[at];
        parent.Children.RemoveAt(at);
        node.Parent = null;
    }

    /// <summary>Inserts a frame (and its subtree) at a logical index; answers how many logical children it made.</summary>
    private int InsertFrame(Container parent, int at, List<Frame> frames, int index)
    {
        var frame = frames[index];
        switch (frame.Type)
        {
            case Frame.Element:
                var element = new ElementNode(frame.Name ?? "") { Parent = parent };
                parent.Children.Insert(at, element);
                var end = index + frame.SubtreeLength;
                var child = index + 1;
                for (; child < end && frames[child].Type == Frame.Attribute; child++)
                {
                    ApplyAttribute(element, frames[child]);
                }
                InsertRange(element, 0, frames, child, end);
                return 1;
            case Frame.Text or Frame.Markup:
                parent.Children.Insert(at, new TextNode(frame.Value ?? "") { Parent = parent });
                return 1;
            case Frame.Component:
                // The child renders into its own container; its content comes in its own diff (this batch or a later one).
                var slot = Component(frame.ComponentId);
                slot.Parent = parent;
                parent.Children.Insert(at, slot);
                nested.Add(frame.ComponentId);
                return 1;
            case Frame.Region:
                return InsertRange(parent, at, frames, index + 1, index + frame.SubtreeLength);
            default:
                return 0;
        }
    }

    private int InsertRange(Container parent, int at, List<Frame> frames, int start, int end)
    {
        var first = at;
        for (var i = start; i < end; i++)
        {
            var frame = frames[i];
            at += InsertFrame(parent, at, frames, i);
            if (frame.Type is Frame.Element or Frame.Region or Frame.Component)
            {
                i += frame.SubtreeLength - 1;
            }
        }
        return at - first;
    }

    private static void ApplyAttribute(ElementNode element, Frame frame)
    {
        var name = frame.Name ?? "";
        if (frame.HandlerId > 0)
        {
            element.Handlers[EventName(name)] = frame.HandlerId;
        }
        else if (frame.Value is null)
        {
            element.Attributes.Remove(name);
        }
        else
        {
            element.Attributes[name] = frame.Value;
        }
    }

    private static string EventName(string attribute) => attribute.StartsWith("on", StringComparison.Ordinal) ? attribute[2..] : attribute;
}
