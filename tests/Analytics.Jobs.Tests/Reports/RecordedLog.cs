using Microsoft.Extensions.Logging;

namespace Analytics.Jobs.Tests.Reports;

/// <summary>Keeps the structured values of every log entry, so a test can read what a job said it did.</summary>
internal sealed class RecordedLog : ILoggerProvider
{
    private readonly List<IReadOnlyDictionary<string, object?>> _entries = [];

    public IReadOnlyList<IReadOnlyDictionary<string, object?>> Entries
    {
        get { lock (_entries) return [.. _entries]; }
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose()
    {
    }

    private sealed class Logger(RecordedLog log) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (state is not IEnumerable<KeyValuePair<string, object?>> values) return;
            lock (log._entries) log._entries.Add(values.ToDictionary(v => v.Key, v => v.Value));
        }
    }
}
