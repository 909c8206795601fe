using System.Text;

namespace Analytics.Ingest.Text;

/// <summary>
/// Works out how a text file was saved: UTF-8 with or without a byte order mark, or Windows-1252 as Swedish Excel
/// often does. (The separator is found by the CSV reader from the header line.)
/// </summary>
public static class TextSniffer
{
    private const int SampleSize = 64 * 1024;

    static TextSniffer() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static Encoding Windows1252 => Encoding.GetEncoding(1252);

    /// <summary>Reads the start of a seekable stream and rewinds it.</summary>
    public static Encoding DetectEncoding(Stream stream)
    {
        var buffer = new byte[SampleSize];
        var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        stream.Position = 0;
        var sample = buffer.AsSpan(0, read);
        if (sample.StartsWith(new byte[] { 0xEF, 0xBB, 0xBF })) return new UTF8Encoding(true);
        if (sample.StartsWith(new byte[] { 0xFF, 0xFE })) return Encoding.Unicode;
        return IsValidUtf8(sample, truncated: read == buffer.Length) ? new UTF8Encoding(false) : Windows1252;
    }

    private static bool IsValidUtf8(ReadOnlySpan<byte> bytes, bool truncated)
    {
        // A sample cut in the middle of a multi-byte character is still UTF-8; only judge complete characters.
        if (truncated)
        {
            var end = bytes.Length;
            while (end > 0 && end > bytes.Length - 4 && (bytes[end - 1] & 0xC0) == 0x80) end--;
            if (end > 0 && bytes[end - 1] >= 0xC0) end--;
            bytes = bytes[..end];
        }
        return System.Text.Unicode.Utf8.IsValid(bytes);
    }
}
