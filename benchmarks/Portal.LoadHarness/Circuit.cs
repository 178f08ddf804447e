using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.DependencyInjection;

namespace Portal.LoadHarness;

/// <summary>What a user does on a page: which element to click next, found by its attributes in the render batches.</summary>
internal sealed record Workload(string Name, string Path, string User, Func<IReadOnlyDictionary<string, string>, string?> Target, string[] Cycle);

/// <summary>
/// One browser tab on a page, as blazor.web.js drives it (CircuitManager.ts, WebRootComponentManager.ts): the page is
/// fetched with the login cookie, the circuit started on /_blazor (blazorpack), the prerendered components added from
/// their markers once the renderer has attached, every render batch acknowledged, every JS interop call answered, and
/// clicks dispatched to the renderer's DispatchEventAsync as the browser's event delegation does.
/// </summary>
internal sealed partial class Circuit(Uri server, string cookie, Workload work, Stats stats) : IAsyncDisposable
{
    private readonly Dictionary<string, ulong> targets = new(StringComparer.Ordinal);
    private readonly Dictionary<ulong, string> handlerNames = [];
    private readonly Lock gate = new();
    private readonly TaskCompletionSource<long> attached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource firstRender = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private HubConnection? connection;
    private TaskCompletionSource<bool>? nextRender;
    private TaskCompletionSource<bool>? locationChanging;
    private bool hasLocationChangingListeners;
    private long rendererObject;
    private int callId;
    private int step;
    private Uri location = new(server, work.Path);

    public bool Live { get; private set; }

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
        connection.On<string>("JS.Error", error => stats.Error($"JS.Error: {error}"));
        connection.Closed += error =>
        {
            if (Live)
            {
                Live = false;
                stats.Dropped(error?.Message ?? "closed");
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
        await firstRender.Task.WaitAsync(TimeSpan.FromSeconds(120), cancellationToken);
        Live = true;
    }

    /// <summary>Clicks the next element of the cycle; answers the time from the dispatch to the next render batch, or null.</summary>
    public async Task InteractAsync(CancellationToken cancellationToken)
    {
        if (!Live || connection is null)
        {
            return;
        }
        ulong handler;
        string key;
        lock (gate)
        {
            key = work.Cycle[step++ % work.Cycle.Length];
            if (!targets.TryGetValue(key, out handler))
            {
                stats.NoTarget();
                return;
            }
        }
        var rendered = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        nextRender = rendered;
        var id = Interlocked.Increment(ref callId).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var args = $"[{{\"eventHandlerId\":{handler},\"eventName\":\"click\",\"eventFieldInfo\":null}},{ClickArgs}]";
        var watch = Stopwatch.StartNew();
        await connection.SendAsync("BeginInvokeDotNetFromJS", id, null, "DispatchEventAsync", rendererObject, args, cancellationToken);
        try
        {
            await rendered.Task.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
            stats.Interaction(watch.Elapsed);
        }
        catch (TimeoutException)
        {
            stats.Error($"{work.Name}: no render within 30 s of a click on {key}");
        }
    }

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
        if (handle != 0 && connection is not null)
        {
            var json = JsonSerializer.Serialize(new object?[] { handle, true, result });
            _ = connection.SendAsync("EndInvokeJSFromDotNet", handle, true, json);
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
            stats.Error($"{work.Name}: .NET call {id} failed: {result[..Math.Min(200, result.Length)]}");
        }
    }

    private async Task OnRenderBatchAsync(long batchId, byte[] data)
    {
        try
        {
            Track(RenderBatch.Read(data));
        }
        catch (Exception exception) when (exception is IndexOutOfRangeException or ArgumentOutOfRangeException)
        {
            stats.Error($"unreadable render batch: {exception.Message}");
        }
        await connection!.SendAsync("OnRenderCompleted", batchId, null);
        firstRender.TrySetResult();
        nextRender?.TrySetResult(true);
    }

    /// <summary>
    /// Keeps the click targets' handler ids: from the elements a batch adds, or, when a batch gives an element a new
    /// handler, by pairing its disposed handlers with its reassigned ones of the same name, in order (the diff emits both
    /// in the same order).
    /// </summary>
    private void Track(RenderBatch batch)
    {
        lock (gate)
        {
            var refreshed = new HashSet<string>(StringComparer.Ordinal);
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var frame in batch.Added)
            {
                handlerNames[frame.Id] = frame.Name;
                if (frame.Name == "onclick" && work.Target(frame.ElementAttributes) is { } kind)
                {
                    // Several elements of a kind (tabs) are told apart by their order in the batch.
                    var n = seen.GetValueOrDefault(kind);
                    seen[kind] = n + 1;
                    var key = $"{kind}#{n}";
                    targets[key] = frame.Id;
                    refreshed.Add(key);
                }
            }
            foreach (var (name, id) in batch.Reassigned)
            {
                handlerNames[id] = name;
            }
            if (batch.Disposed.Count > 0)
            {
                var disposedClicks = batch.Disposed.Where(d => handlerNames.GetValueOrDefault(d) == "onclick").ToList();
                var reassignedClicks = batch.Reassigned.Where(r => r.Name == "onclick").Select(r => r.Id).ToList();
                foreach (var key in targets.Keys.ToList())
                {
                    if (refreshed.Contains(key) || !batch.Disposed.Contains(targets[key]))
                    {
                        continue;
                    }
                    var at = disposedClicks.IndexOf(targets[key]);
                    if (at >= 0 && disposedClicks.Count == reassignedClicks.Count)
                    {
                        targets[key] = reassignedClicks[at];
                    }
                    else
                    {
                        targets.Remove(key);
                    }
                }
                foreach (var id in batch.Disposed)
                {
                    handlerNames.Remove(id);
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
