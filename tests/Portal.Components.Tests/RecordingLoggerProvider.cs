using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Portal.Components.Tests;

/// <summary>A logger provider that keeps every entry, so a test can read what a component logged.</summary>
public sealed class RecordingLoggerProvider : ILoggerProvider
{
    public ConcurrentQueue<LogEntry> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Recorder(this, categoryName);

    public void Dispose()
    {
    }

    /// <summary>Makes the context's loggers write here instead of nowhere.</summary>
    public void ReplaceLoggingOf(IServiceCollection services)
    {
        services.AddSingleton<ILoggerFactory>(new LoggerFactory([this]));
        services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
    }

    private sealed class Recorder(RecordingLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            provider.Entries.Enqueue(new LogEntry(category, logLevel, exception, formatter(state, exception),
                state as IReadOnlyList<KeyValuePair<string, object?>> ?? []));
    }
}

public sealed record LogEntry(string Category, LogLevel Level, Exception? Exception, string Message, IReadOnlyList<KeyValuePair<string, object?>> Values)
{
    public object? this[string name] => Values.FirstOrDefault(v => v.Key == name).Value;
}
