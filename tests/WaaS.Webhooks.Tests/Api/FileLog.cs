using Microsoft.Extensions.Logging;

namespace WaaS.Webhooks.Tests.Api;

/// <summary>Warnings of the host under test appended to a file (set WAAS_TEST_LOG=path), to see why a test timed out.</summary>
public sealed class FileLog(string path) : ILoggerProvider, ILogger
{
    private readonly object _gate = new();

    public ILogger CreateLogger(string categoryName) => this;

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        lock (_gate)
        {
            File.AppendAllText(path, $"{DateTime.UtcNow:O} {logLevel} {formatter(state, exception)} {exception}\n");
        }
    }

    public void Dispose()
    {
    }
}
