using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace WaaS.Billing.Tests.Api;

/// <summary>The warnings the service logs: a refused message answers no one, so its log line is how a test sees it.</summary>
public sealed class Warnings : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();

    public bool Any(Func<string, bool> match) => _lines.Any(match);

    public ILogger CreateLogger(string categoryName) => new Collector(_lines);

    public void Dispose()
    {
    }

    private sealed class Collector(ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                lines.Enqueue(formatter(state, exception));
            }
        }
    }
}
