using System.Diagnostics;
using System.Globalization;
using Analytics.Cli.Hosting;

namespace Analytics.Cli.Imports;

/// <summary>
/// Rows read so far, on standard error so that standard output stays clean for JSON. A person at a terminal sees one
/// line redrawn in place; a redirected standard error (a log, CI) gets a plain line every <see cref="LineEvery"/> rows,
/// so a small file adds nothing to it.
/// </summary>
internal sealed class ProgressIndicator(CliOutput output, string fileName) : IProgress<int>
{
    private const int LineEvery = 10_000;

    // Terminals are slow to redraw; ten times a second looks live without flooding them.
    private static readonly TimeSpan RedrawEvery = TimeSpan.FromMilliseconds(100);

    private readonly Stopwatch _elapsed = Stopwatch.StartNew();
    private TimeSpan _drawnAt;
    private int _drawnWidth;
    private int _nextLine = LineEvery;

    public void Report(int value)
    {
        if (output.ErrorIsTerminal) Redraw(value);
        else if (value >= _nextLine)
        {
            output.Error.WriteLine(Text(value));
            _nextLine = (value / LineEvery + 1) * LineEvery;
        }
    }

    /// <summary>Blanks the redrawn line, so that what is printed next starts on a clean line.</summary>
    public void Clear()
    {
        if (_drawnWidth == 0) return;
        output.Error.Write($"\r{new string(' ', _drawnWidth)}\r");
        output.Error.Flush();
        _drawnWidth = 0;
    }

    private void Redraw(int rowsRead)
    {
        if (_drawnWidth > 0 && _elapsed.Elapsed - _drawnAt < RedrawEvery) return;
        var text = Text(rowsRead);
        output.Error.Write($"\r{text.PadRight(_drawnWidth)}");
        output.Error.Flush();
        _drawnWidth = Math.Max(_drawnWidth, text.Length);
        _drawnAt = _elapsed.Elapsed;
    }

    private string Text(int rowsRead)
    {
        var elapsed = _elapsed.Elapsed;
        return string.Create(CultureInfo.InvariantCulture, $"{fileName}: {rowsRead:N0} rows read, {(int)elapsed.TotalMinutes}:{elapsed.Seconds:00} elapsed");
    }
}
