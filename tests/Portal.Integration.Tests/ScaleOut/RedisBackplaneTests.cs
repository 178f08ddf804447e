using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.StackExchangeRedis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Testing;
using StackExchange.Redis;

namespace Portal.Integration.Tests.ScaleOut;

/// <summary>A Redis server of the test's own (Debian's redis-server) on a free port, nothing saved, stopped at the end.</summary>
public sealed class RedisServer : IAsyncLifetime
{
    private Process? process;

    public int Port { get; private set; }

    public string Connection => $"127.0.0.1:{Port}";

    public async ValueTask InitializeAsync()
    {
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }
        var start = new ProcessStartInfo("redis-server") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no" })
        {
            start.ArgumentList.Add(argument);
        }
        process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start (apt-get install redis-server).");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException) when (attempt < 100 && !process.HasExited)
            {
                await Task.Delay(100);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (process is { HasExited: false })
        {
            process.Kill();
            await process.WaitForExitAsync();
        }
        process?.Dispose();
    }
}

public sealed class RedisBackplaneTests(RedisServer redis) : IClassFixture<RedisServer>
{
    /// <summary>A hub of the test's own: the backplane serves every hub of the app the same way.</summary>
    public sealed class ProbeHub : Hub;

    [Fact]
    public async Task With_a_Redis_connection_configured_hub_messages_go_through_Redis()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = new PortalAppFactory("Production", new Dictionary<string, string?> { ["SignalR:Redis"] = redis.Connection });
        app.Start();
        await using var listener = await ConnectionMultiplexer.ConnectAsync(redis.Connection);
        var received = new TaskCompletionSource<(string Channel, byte[] Message)>(TaskCreationOptions.RunContinuationsAsynchronously);
        await listener.GetSubscriber().SubscribeAsync(RedisChannel.Pattern($"portal*{nameof(ProbeHub)}:all"),
            (channel, message) => received.TrySetResult((channel.ToString(), (byte[])message!)));

        var hubs = app.Services.GetRequiredService<HubLifetimeManager<ProbeHub>>();
        await hubs.SendAllAsync("RegionSwitched", ["BPL"], ct);
        var (channel, payload) = await received.Task.WaitAsync(TimeSpan.FromSeconds(20), ct);

        Assert.IsType<RedisHubLifetimeManager<ProbeHub>>(hubs);
        Assert.StartsWith("portal", channel, StringComparison.Ordinal);
        Assert.Contains("RegionSwitched", Encoding.UTF8.GetString(payload), StringComparison.Ordinal);
        // The circuits' own hub is served by the backplane too.
        var circuitsHub = typeof(CircuitOptions).Assembly.GetType("Microsoft.AspNetCore.Components.Server.ComponentHub", throwOnError: true)!;
        var circuitsManager = app.Services.GetRequiredService(typeof(HubLifetimeManager<>).MakeGenericType(circuitsHub));
        Assert.Equal(typeof(RedisHubLifetimeManager<>).MakeGenericType(circuitsHub), circuitsManager.GetType());
    }

    [Fact]
    public async Task Without_a_Redis_connection_the_portal_keeps_its_messages_in_process_and_keeps_a_dropped_circuit_three_minutes()
    {
        await using var app = new PortalAppFactory("Production");
        app.Start();

        var hubs = app.Services.GetRequiredService<HubLifetimeManager<ProbeHub>>();
        var circuits = app.Services.GetRequiredService<IOptions<CircuitOptions>>().Value;

        Assert.IsType<DefaultHubLifetimeManager<ProbeHub>>(hubs);
        Assert.True(circuits.DisconnectedCircuitRetentionPeriod >= TimeSpan.FromMinutes(3), circuits.DisconnectedCircuitRetentionPeriod.ToString());
    }
}
