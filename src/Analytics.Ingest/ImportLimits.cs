using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Analytics.Ingest;

/// <summary>How big a file may be (configuration section "Import"). Beyond these a file is refused whole, with a sentence.</summary>
public sealed record ImportLimits
{
    public long MaxBytes { get; init; } = 20 * 1024 * 1024;
    public int MaxRows { get; init; } = 200_000;

    /// <summary>An .xlsx is a zip: this caps what it unpacks to, so a small "zip bomb" cannot fill memory or disk.</summary>
    public long MaxUnpackedBytes { get; init; } = 200 * 1024 * 1024;

    public static ImportLimits From(IConfiguration configuration)
    {
        var defaults = new ImportLimits();
        return new ImportLimits
        {
            MaxBytes = Read(configuration, "Import:MaxBytes", defaults.MaxBytes),
            MaxRows = (int)Read(configuration, "Import:MaxRows", defaults.MaxRows),
            MaxUnpackedBytes = Read(configuration, "Import:MaxUnpackedBytes", defaults.MaxUnpackedBytes),
        };
    }

    private static long Read(IConfiguration configuration, string key, long fallback) =>
        configuration[key] is { Length: > 0 } text
            ? long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0
                ? value
                : throw new Data.Configuration.ConfigurationProblem(Messages.Say("{0} ska vara ett positivt heltal, inte ”{1}”.", key, text))
            : fallback;
}
