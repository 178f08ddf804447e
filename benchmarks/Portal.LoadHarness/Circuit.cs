using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.DependencyInjection;

namespace Portal.LoadHarness;

/// <summary>
/// What a user does on a page: which element to click at a given step (one that changes the page: never a disabled
/// control), and the parts of the page the user waits to see change, each of them (null: the first render after the
/// click is the answer).
/// </summary>
internal sealed record Workload(string Name, string Path, string User, Func<Dom, int, ElementNode?> Choose, Func<Dom, string[]>? Outcome);

/// <summary>
/// One browser tab on a page, as blazor.web.js drives it (CircuitManager.ts, WebRootComponentManager.ts): the page is
/// fetched with the login cookie, the circuit started on /_blazor (blazorpack), the prerendered components added from
/// their markers once the renderer has attached, every render batch acknowledged, every JS interop call answered, and
/// clicks dispatched to the renderer's DispatchEventAsync as the browser's event delegation does.
/// </summary>
internal sealed partial class Circuit(Uri server, string cookie, Workload work, Stats stats, Stats total) : IAsyncDisposable
{
    private readonly Dom dom = new();
    private readonly Lock gate = new();
    private readonly TaskCompletionSource<long> attached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private HubConnection? connection;
    private Click? pending;
    private TaskCompletionSource<bool>? locationChanging;
    private bool hasLocationChangingListeners;
    private long rendererObject;
    private int callId;
    private int step;
    private Uri location = new(server, work.Path);

    public bool Live { get; private set; }

    public Workload Work => work;

    public string Size()
    {
        lock (gate)
        {
            return dom.Size();
        }
    }

    public async Task StartAsync(HttpClient http, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, location);
        request.Headers.Add("Cookie", cookie);
        using var response = await http.SendAsync(request, cancellationToken);
        var html = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode || response.RequestMessage?.RequestUri?.AbsolutePath.Contains("Login", StringComparison.OrdinalIgnoreCase) == true)
        {
            throw new InvalidOperationException($"GET {work.Path}: {(int)response.StatusCode}");
        }
        var markers = Markers().Matches(html).Select(m => m.Groups[1].Value).Where(m => m.Contains("\"type\":\"server\"", StringComparison.Ordinal)).ToList();
        var state = State().Match(html) is { Success: true } found ? found.Groups[1].Value : "";
        if (markers.Count == 0)
        {
            throw new InvalidOperationException($"GET {work.Path}: no interactive component marker");
        }

        var builder = new HubConnectionBuilder()
            .WithUrl(new Uri(server, "_blazor"), options =>
            {
                options.Transports = HttpTransportType.WebSockets;
                options.SkipNegotiation = true;
                options.Headers["Cookie"] = cookie;
            });
        builder.Services.AddSingleton<IHubProtocol>(new BlazorPackProtocol());
        connection = builder.Build();
        connection.ServerTimeout = TimeSpan.FromMinutes(2);
        connection.HandshakeTimeout = TimeSpan.FromMinutes(1);
        connection.On<long, string, string, int, long, int>("JS.BeginInvokeJS", OnInvokeJs);
        connection.On<string, bool, string>("JS.EndInvokeDotNet", OnEndInvokeDotNet);
        connection.On<long, byte[]>("JS.RenderBatch", OnRenderBatchAsync);
        connection.On<int, bool>("JS.EndLocationChanging", (_, proceed) => locationChanging?.TrySetResult(proceed));
        connection.On<string>("JS.Error", error =>
        {
            stats.Error($"JS.Error: {error}");
            total.Error($"{work.Name}: JS.Error: {error}");
        });
        connection.Closed += error =>
        {
            if (Live)
            {
                Live = false;
                stats.Dropped(error?.Message ?? "closed");
                total.Dropped($"{work.Name}: {error?.Message ?? "closed"}");
            }
            return Task.CompletedTask;
        };
        await connection.StartAsync(cancellationToken);
        var secret = await connection.InvokeAsync<string>("StartCircuit", server.ToString(), location.ToString(), "[]", state, cancellationToken);
        if (string.IsNullOrEmpty(secret))
        {
            throw new InvalidOperationException("StartCircuit refused");
        }
        rendererObject = await attached.Task.WaitAsync(TimeSpan.FromSeconds(60), cancellationToken);
        var operations = markers.Select((m, i) => $"{{\"type\":\"add\",\"ssrComponentId\":{i + 1},\"marker\":{m}}}");
        await connection.SendAsync("UpdateRootComponents", $"{{\"batchId\":1,\"operations\":[{string.Join(",", operations)}]}}", state, cancellationToken);
        // As a user waits for the page before clicking: the first render may be only the layout, the page's data later.
        try
        {
            await ready.Task.WaitAsync(TimeSpan.FromSeconds(120), cancellationToken);
        }
        catch (TimeoutException)
        {
            lock (gate)
            {
                throw new TimeoutException($"nothing to click 120 s after the start: {dom.Summary()}");
            }
        }
        Live = true;
    }

    /// <summary>
    /// Clicks the workload's next target and waits until its dispatch has returned and the page shows the change the user
    /// waits for (the week shown, the rows of the list, the tab open), then records the time from the dispatch.
    /// </summary>
    public async Task InteractAsync(CancellationToken cancellationToken)
    {
        if (!Live || connection is null)
        {
            return;
        }
        Click click;
        lock (gate)
        {
            var target = work.Choose(dom, step++);
            if (target is null || !target.Handlers.TryGetValue("click", out var handler))
            {
                stats.NoTarget(Describe);
                total.NoTarget(null);
                return;
            }
            var id = Interlocked.Increment(ref callId).ToString(System.Globalization.CultureInfo.InvariantCulture);
            click = new Click(id, handler, Label(target), work.Outcome?.Invoke(dom));
            pending = click;
        }
        var args = $"[{{\"eventHandlerId\":{click.Handler},\"eventName\":\"click\",\"eventFieldInfo\":null}},{ClickArgs}]";
        click.Watch.Start();
        await connection.SendAsync("BeginInvokeDotNetFromJS", click.Id, null, "DispatchEventAsync", rendererObject, args, cancellationToken);
        try
        {
            if (await click.Done.Task.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken) is { } elapsed)
            {
                stats.Interaction(elapsed);
                total.Interaction(elapsed);
            }
        }
        catch (TimeoutException)
        {
            var what = $"{work.Name}: {(click.Acknowledged ? "no change shown" : "no answer")} within 30 s of a click on {click.Label}";
            stats.Error(what);
            total.Error(what);
        }
        finally
        {
            lock (gate)
            {
                pending = null;
            }
        }
    }

    /// <summary>A click in flight: done (with its time) once dispatched, acknowledged and its change rendered; null when refused.</summary>
    private sealed class Click(string id, ulong handler, string label, string[]? before)
    {
        public string Id { get; } = id;

        public ulong Handler { get; } = handler;

        public string Label { get; } = label;

        public string[]? Before { get; } = before;

        public Stopwatch Watch { get; } = new();

        public bool Acknowledged { get; set; }

        public bool Rendered { get; set; }

        public TaskCompletionSource<TimeSpan?> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private void TryComplete()
    {
        if (pending is { Acknowledged: true, Rendered: true } click)
        {
            click.Done.TrySetResult(click.Watch.Elapsed);
        }
    }

    private static string Label(ElementNode element) =>
        element["data-testid"] ?? element["aria-label"] ?? element["class"]?.Split(' ').FirstOrDefault() ?? element.Name;

    /// <summary>The clickable elements of the page, for the first report of a missing target of each workload.</summary>
    private string Describe() => $"{dom.Summary()} | " + string.Join("; ", dom.Elements().Where(e => e.Handlers.ContainsKey("click"))
        .Select(e => $"<{e.Name} {string.Join(" ", e.Attributes.Where(a => a.Key is not "style").Select(a => $"{a.Key}=\"{a.Value[..Math.Min(40, a.Value.Length)]}\""))}>"
            + dom.TextOf(e).Trim()[..Math.Min(30, dom.TextOf(e).Trim().Length)]));

    private const string ClickArgs = "{\"detail\":1,\"screenX\":0,\"screenY\":0,\"clientX\":0,\"clientY\":0,\"offsetX\":0,\"offsetY\":0,\"pageX\":0,\"pageY\":0," +
        "\"movementX\":0,\"movementY\":0,\"button\":0,\"buttons\":0,\"ctrlKey\":false,\"shiftKey\":false,\"altKey\":false,\"metaKey\":false,\"type\":\"click\"}";

    private void OnInvokeJs(long handle, string identifier, string argsJson, int resultType, long targetInstance, int callType)
    {
        object? result = null;
        switch (identifier)
        {
            case "Blazor._internal.attachWebRendererInterop":
                using (var args = JsonDocument.Parse(argsJson))
                {
                    attached.TrySetResult(args.RootElement[1].GetProperty("__dotNetObject").GetInt64());
                }
                break;
            case "Blazor._internal.navigationManager.setHasLocationChangingListeners":
                using (var args = JsonDocument.Parse(argsJson))
                {
                    hasLocationChangingListeners = args.RootElement[1].GetBoolean();
                }
                break;
            case "Blazor._internal.navigationManager.navigateTo":
                using (var args = JsonDocument.Parse(argsJson))
                {
                    var target = new Uri(server, args.RootElement[0].GetString()!);
                    _ = NavigateAsync(target);
                }
                break;
            case "Blazor._internal.navigationManager.getBaseURI" or "Blazor._internal.navigationManager.getUri":
                result = identifier.EndsWith("getBaseURI", StringComparison.Ordinal) ? server.ToString() : location.ToString();
                break;
        }
        long? virtualize = null;
        if (identifier == "Blazor._internal.Virtualize.init")
        {
            using var args = JsonDocument.Parse(argsJson);
            virtualize = args.RootElement[0].GetProperty("__dotNetObject").GetInt64();
        }
        if (connection is not null)
        {
            _ = AnswerJsAsync(connection, handle, result, virtualize);
        }
    }

    /// <summary>
    /// Answers a JS call; for a virtualised list, then tells it what the browser's intersection observer tells it at first:
    /// the spacer before the items is in view of a 630 px container (the planner's 70vh on a 900 px window), so it loads
    /// the rows a window shows.
    /// </summary>
    private async Task AnswerJsAsync(HubConnection hub, long handle, object? result, long? virtualize)
    {
        if (handle != 0)
        {
            var json = JsonSerializer.Serialize(new object?[] { handle, true, result });
            await hub.SendAsync("EndInvokeJSFromDotNet", handle, true, json);
        }
        if (virtualize is { } helper)
        {
            var id = Interlocked.Increment(ref callId).ToString(System.Globalization.CultureInfo.InvariantCulture);
            await hub.SendAsync("BeginInvokeDotNetFromJS", id, null, "OnSpacerBeforeVisible", helper, "[0,0,630]");
        }
    }

    /// <summary>As the browser's navigateTo does for an internal link: the location-changing handlers first, then the change.</summary>
    private async Task NavigateAsync(Uri target)
    {
        if (connection is null)
        {
            return;
        }
        if (hasLocationChangingListeners)
        {
            var proceed = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            locationChanging = proceed;
            await connection.SendAsync("OnLocationChanging", Interlocked.Increment(ref callId), target.ToString(), null, false);
            if (!await proceed.Task.WaitAsync(TimeSpan.FromSeconds(30)))
            {
                return;
            }
        }
        location = target;
        await connection.SendAsync("OnLocationChanged", target.ToString(), null, false);
    }

    private void OnEndInvokeDotNet(string id, bool success, string result)
    {
        if (!success)
        {
            var what = $"{work.Name}: .NET call {id} failed: {result[..Math.Min(200, result.Length)]}";
            stats.Error(what);
            total.Error(what);
        }
        lock (gate)
        {
            if (pending is { } click && click.Id == id)
            {
                click.Acknowledged = true;
                if (!success)
                {
                    click.Done.TrySetResult(null);
                }
                TryComplete();
            }
        }
    }

    private async Task OnRenderBatchAsync(long batchId, byte[] data)
    {
        try
        {
            var batch = RenderBatch.Read(data);
            lock (gate)
            {
                dom.Apply(batch);
                if (pending is { } click && click.Watch.IsRunning)
                {
                    click.Rendered |= work.Outcome is null || work.Outcome(dom).Zip(click.Before!).All(p => p.First != p.Second);
                    TryComplete();
                }
            }
        }
        catch (Exception exception) when (exception is IndexOutOfRangeException or ArgumentOutOfRangeException or InvalidCastException or NullReferenceException)
        {
            var what = $"{work.Name}: unreadable render batch: {exception.GetType().Name} {exception.Message}";
            stats.Error(what);
            total.Error(what);
        }
        await connection!.SendAsync("OnRenderCompleted", batchId, null);
        if (!ready.Task.IsCompleted)
        {
            lock (gate)
            {
                if (work.Choose(dom, 0) is not null)
                {
                    ready.TrySetResult();
                }
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        Live = false;
        if (connection is not null)
        {
            await connection.DisposeAsync();
        }
    }

    [GeneratedRegex("<!--Blazor:(\\{.*?\\})-->", RegexOptions.Singleline)]
    private static partial Regex Markers();

    [GeneratedRegex("<!--Blazor-Server-Component-State:([a-zA-Z0-9+/=]+)-->")]
    private static partial Regex State();
}
