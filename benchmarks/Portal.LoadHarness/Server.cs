using System.Diagnostics;
using System.Diagnostics.Tracing;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Parsers;

namespace Portal.LoadHarness;

/// <summary>
/// The portal started from its build output (Development: the demo and its logins) on a free loopback port, against
/// a SQLite file in a temporary folder; its resident memory read from /proc and its managed heap after a full
/// collection read over the runtime's diagnostics port (EventPipe, as dotnet-gcdump induces one).
/// </summary>
internal sealed partial class Server : IDisposable
{
    private readonly Process process;
    private readonly string folder;

    private Server(Process process, Uri address, string folder)
    {
        this.process = process;
        Address = address;
        this.folder = folder;
    }

    public Uri Address { get; }

    public int Pid => process.Id;

    public static async Task<Server> StartAsync(string repository, string? database)
    {
        var folder = Path.Combine(Path.GetTempPath(), "portal-load", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var web = Path.Combine(repository, "src", "Portal.Web");
        var dll = Path.Combine(web, "bin", "Release", "net10.0", "Portal.Web.dll");
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"{dll} is missing: dotnet build src/Portal.Web -c Release");
        }
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = web,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["ConnectionStrings__Portal"] = $"Data Source={database ?? Path.Combine(folder, "portal.db")}";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__Portal"] = "Information";
        start.Environment["Logging__LogLevel__Microsoft.AspNetCore.SignalR"] = "Error";
        var process = Process.Start(start)!;
        var log = File.CreateText(Path.Combine(folder, "server.log"));
        process.OutputDataReceived += (_, e) => { lock (log) { log.WriteLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (log) { log.WriteLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var address = new Uri($"http://127.0.0.1:{port}/");
        using var http = new HttpClient();
        var watch = Stopwatch.StartNew();
        var last = "";
        while (watch.Elapsed < TimeSpan.FromMinutes(8))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"the server stopped: see {folder}/server.log");
            }
            try
            {
                using var health = await http.GetAsync(new Uri(address, "health"));
                last = $"{(int)health.StatusCode}";
                if (health.IsSuccessStatusCode)
                {
                    Console.WriteLine($"Server {process.Id} ready in {watch.Elapsed.TotalSeconds:F1} s at {address} (log {folder}/server.log)");
                    return new Server(process, address, folder);
                }
            }
            catch (HttpRequestException exception)
            {
                last = exception.Message;
            }
            await Task.Delay(500);
        }
        process.Kill(entireProcessTree: true);
        throw new TimeoutException($"the server did not answer /health within 8 minutes (last: {last}; see {folder}/server.log)");
    }

    /// <summary>Resident memory of the server process, in bytes (VmRSS).</summary>
    public long ResidentBytes()
    {
        var status = File.ReadAllText($"/proc/{process.Id}/status");
        return long.Parse(Rss().Match(status).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) * 1024;
    }

    /// <summary>The managed heap after a full, compacting collection the runtime runs on request (GCHeapCollect).</summary>
    public long ManagedHeapBytes()
    {
        var client = new DiagnosticsClient(process.Id);
        var keywords = (long)(ClrTraceEventParser.Keywords.GC | ClrTraceEventParser.Keywords.GCHeapCollect);
        using var session = client.StartEventPipeSession([new EventPipeProvider("Microsoft-Windows-DotNETRuntime", EventLevel.Informational, keywords)], requestRundown: false);
        using var source = new EventPipeEventSource(session.EventStream);
        long heap = -1;
        var induced = false;
        source.Clr.GCStart += e => induced |= e.Reason == Microsoft.Diagnostics.Tracing.Parsers.Clr.GCReason.Induced;
        source.Clr.GCHeapStats += e =>
        {
            if (induced && heap < 0)
            {
                heap = e.TotalHeapSize;
                session.Stop();
            }
        };
        var reading = Task.Run(source.Process);
        if (!reading.Wait(TimeSpan.FromMinutes(2)))
        {
            session.Stop();
        }
        return heap;
    }

    public void Dispose()
    {
        _ = folder;
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
        }
        process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex(@"VmRSS:\s+(\d+) kB")]
    private static partial Regex Rss();
}
