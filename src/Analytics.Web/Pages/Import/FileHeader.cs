using Analytics.Ingest;
using Analytics.Ingest.Text;
using Analytics.Ingest.Uploads;

namespace Analytics.Web.Pages.Import;

/// <summary>
/// The header row of an uploaded file, read with the importer's own checks and table readers, so the preview names the
/// columns exactly as the import sees them. No row below the header is read.
/// </summary>
public static class FileHeader
{
    /// <summary>The header cells, or null when the file is gone or cannot be read as a table (the dry run says why).</summary>
    public static async Task<IReadOnlyList<string>?> ReadAsync(UploadStore uploads, Upload upload, ImportLimits limits,
        CancellationToken cancellationToken)
    {
        await using var stored = uploads.OpenContent(upload);
        if (stored is null) return null;
        var (content, _) = await FileChecks.OpenAsync(stored, upload.FileName, limits, cancellationToken);
        if (content is null) return null;
        try
        {
            using var table = FileChecks.OpenTable(content);
            return table.Header;
        }
        catch (Exception e) when (FileChecks.IsDamaged(e))
        {
            return null;
        }
    }
}
