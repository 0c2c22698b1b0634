using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace JobMarket.Warehouse.Tests.Extract.Fakes;

/// <summary>A logger provider keeping every formatted message (and exception text), to search for leaked secrets.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.Lines.Enqueue($"{logLevel} {category} [{eventId.Id}] {formatter(state, exception)} {exception}");
    }
}
