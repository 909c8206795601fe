using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml.Packaging;

namespace Analytics.Ingest.Text;

/// <summary>
/// What is checked before a file is parsed: its size, that it is not empty, that it is text or a spreadsheet rather
/// than some other binary, and that a spreadsheet does not unpack to more than the limit; then how it is opened as a
/// table, and which failures while reading it mean the file is damaged.
/// </summary>
public static class FileChecks
{
    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");

    /// <summary>A seekable copy of the content (the caller's own stream when it already is), or a refusal.</summary>
    public static async Task<(Stream? Content, string? Refusal)> OpenAsync(Stream input, string fileName, ImportLimits limits,
        CancellationToken cancellationToken)
    {
        var content = input.CanSeek ? input : await SpoolAsync(input, limits.MaxBytes + 1, cancellationToken);
        content.Position = 0;
        var refusal = Refusal(content, fileName, limits);
        content.Position = 0;
        if (refusal is not null && content != input) await content.DisposeAsync();
        return refusal is null ? (content, null) : (null, refusal);
    }

    /// <summary>The refusal of a file over <see cref="ImportLimits.MaxBytes"/>; the name is unknown when an upload was cut short.</summary>
    public static string TooLarge(string? fileName, ImportLimits limits) => fileName is { Length: > 0 }
        ? Messages.Say("Filen ”{0}” är större än {1}; dela upp den eller be en administratör höja gränsen (Import:MaxBytes).", fileName, Size(limits.MaxBytes))
        : Messages.Say("Filen är större än {0}; dela upp den eller be en administratör höja gränsen (Import:MaxBytes).", Size(limits.MaxBytes));

    /// <summary>The file as a table: an .xlsx workbook's first sheet, or delimited text.</summary>
    public static ITable OpenTable(Stream content) => IsZip(content) ? new XlsxTable(content) : new DelimitedTable(content);

    /// <summary>What a damaged or foreign file throws while it is read, as opposed to a fault of the system.</summary>
    public static bool IsDamaged(Exception e) => e is InvalidDataException or XmlException or OpenXmlPackageException
        or FormatException or DecoderFallbackException or EndOfStreamException or FileFormatException
        or InvalidOperationException { Source: "DocumentFormat.OpenXml" or "System.IO.Packaging" or "Sep" }
        or ArgumentException { Source: "DocumentFormat.OpenXml" or "System.IO.Packaging" }
        or NotSupportedException { Source: "DocumentFormat.OpenXml" or "System.IO.Packaging" };

    public static bool IsZip(Stream stream)
    {
        Span<byte> magic = stackalloc byte[4];
        var read = stream.ReadAtLeast(magic, 4, throwOnEndOfStream: false);
        stream.Position = 0;
        return read == 4 && magic[0] == (byte)'P' && magic[1] == (byte)'K' && magic[2] == 3 && magic[3] == 4;
    }

    private static string? Refusal(Stream content, string fileName, ImportLimits limits)
    {
        if (content.Length == 0)
            return Messages.Say("Filen ”{0}” är tom.", fileName);
        if (content.Length > limits.MaxBytes)
            return TooLarge(fileName, limits);
        if (IsZip(content))
            return UnpackedSize(content) is { } unpacked && unpacked <= limits.MaxUnpackedBytes
                ? null
                : Messages.Say("Excelfilen ”{0}” är skadad eller packar upp till mer än {1}.", fileName, Size(limits.MaxUnpackedBytes));
        return LooksBinary(content)
            ? Messages.Say("”{0}” är varken en textfil (CSV) eller en Excelfil (.xlsx). Spara filen som CSV eller .xlsx och försök igen.", fileName)
            : null;
    }

    /// <summary>The declared sizes of every entry; null when the zip's directory cannot be read.</summary>
    private static long? UnpackedSize(Stream content)
    {
        try
        {
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            return zip.Entries.Sum(e => e.Length);
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    /// <summary>
    /// Text has no NUL bytes (UTF-16 aside, which is detected by its byte order mark), anywhere: one deep in a file would
    /// otherwise reach the database, which PostgreSQL refuses in text.
    /// </summary>
    private static bool LooksBinary(Stream content)
    {
        var buffer = new byte[81920];
        var read = content.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        var sample = buffer.AsSpan(0, read);
        if (sample.StartsWith(new byte[] { 0xFF, 0xFE }) || sample.StartsWith(new byte[] { 0xFE, 0xFF })) return false;
        for (; read > 0; read = content.Read(buffer))
            if (buffer.AsSpan(0, read).Contains((byte)0)) return true;
        return false;
    }

    /// <summary>A limit as a person reads it: "20 MB", "1,5 MB", "512 kB".</summary>
    private static string Size(long bytes) => bytes >= 1024 * 1024
        ? $"{(bytes / (1024.0 * 1024)).ToString("0.#", Swedish)} MB"
        : $"{(bytes / 1024.0).ToString("0.#", Swedish)} kB";

    /// <summary>Uploads may arrive as forward-only streams; spool those to a temporary file so memory stays flat.</summary>
    private static async Task<Stream> SpoolAsync(Stream input, long maxBytes, CancellationToken cancellationToken)
    {
        var spool = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920,
            FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        var buffer = new byte[81920];
        int read;
        // Stop copying just past the limit: the size check refuses it without reading the rest.
        while (spool.Length < maxBytes && (read = await input.ReadAsync(buffer, cancellationToken)) > 0)
            await spool.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        return spool;
    }
}
