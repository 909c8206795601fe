using System.Collections.Concurrent;
using System.Diagnostics;

namespace Analytics.MultiNode.Testing;

/// <summary>
/// One `dotnet some.dll` process with its own environment. Its output is kept (the last lines go into a failure message);
/// disposing kills it and everything it started.
/// </summary>
public sealed class NodeProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    public NodeProcess(string name, string dll, IReadOnlyDictionary<string, string> environment, string workingDirectory,
        IEnumerable<string>? arguments = null)
    {
        Name = name;
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (var argument in arguments ?? []) start.ArgumentList.Add(argument);
        // Nothing from the test runner's own environment decides how a node runs, except where dotnet is.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("ANALYTICS_", StringComparison.Ordinal) ||
                                                             k.StartsWith("ASPNETCORE_", StringComparison.Ordinal)).ToList())
            start.Environment.Remove(key);
        foreach (var (key, value) in environment) start.Environment[key] = value;
        _process = new Process { StartInfo = start, EnableRaisingEvents = true };
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Name { get; }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public StreamWriter Input => _process.StandardInput;

    public string Output => string.Join('\n', _output);

    /// <summary>The last lines of its output, for a failure message.</summary>
    public string Tail(int lines = 30) => $"--- {Name} ---\n" + string.Join('\n', _output.TakeLast(lines));

    public async Task<int> ExitCodeAsync(TimeSpan limit)
    {
        using var timeout = new CancellationTokenSource(limit);
        await _process.WaitForExitAsync(timeout.Token);
        return _process.ExitCode;
    }

    /// <summary>SIGKILL on Linux: no shutdown, no finally blocks, no chance to hand the job back.</summary>
    public void KillHard()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit(10_000);
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited) KillHard();
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        _output.Enqueue(line);
        while (_output.Count > 2000) _output.TryDequeue(out _);
    }
}
