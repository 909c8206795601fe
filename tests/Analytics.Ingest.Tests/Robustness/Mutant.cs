using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using Analytics.Ingest.Text;
using Analytics.Testing;

namespace Analytics.Ingest.Tests.Robustness;

/// <summary>
/// A corrupted copy of a sample file, to be imported into the sample's own event. Drawn from a seeded
/// <see cref="Random"/>: a file is truncated, or has bytes flipped, deleted or set to NUL; text is re-encoded, has its
/// line endings or separator changed or a stray quote inserted, and a sample list has its columns shuffled (header and
/// rows alike, or each row its own way), its header dropped or rows duplicated; an .xlsx is also damaged inside its
/// zip: an entry replaced by garbage or removed, its XML broken, its references or its declared sizes wrong.
/// </summary>
internal sealed partial record Mutant(string Name, string Slug, string FileName, byte[] Content)
{
    /// <summary>Mutants of a sample file, for the event the file is named after.</summary>
    public static IEnumerable<Mutant> Of(string path, Random random)
    {
        var bytes = File.ReadAllBytes(path);
        var name = Path.GetFileName(path);
        var mutations = path.EndsWith(".xlsx", StringComparison.Ordinal)
            ? WorkbookMutations(bytes, random)
            : ByteMutations(bytes, random).Concat(ListMutations(SampleCsv.Read(path), random)).Concat(TextMutations(bytes, random));
        return mutations.Select(m => new Mutant($"{name}: {m.Name}", SampleDatabase.SlugOf(path), name, m.Content));
    }

    /// <summary>Mutants of a fixture in one of the other formats, for the fixtures' event.</summary>
    public static IEnumerable<Mutant> Of(Fixture fixture, Random random)
    {
        var mutations = fixture.FileName.EndsWith(".xlsx", StringComparison.Ordinal)
            ? WorkbookMutations(Settled(fixture.Bytes), random)
            : ByteMutations(fixture.Bytes, random).Concat(TextMutations(fixture.Bytes, random));
        return mutations.Select(m => new Mutant($"{fixture.FileName}: {m.Name}", FixtureFiles.EventSlug, fixture.FileName, m.Content));
    }

    /// <summary>Mutants of a sample Meetup list saved as an .xlsx, as an organiser who opened it in Excel would have it.</summary>
    public static IEnumerable<Mutant> OfWorkbookSavedFrom(string list, Random random)
    {
        var sample = SampleCsv.Read(list);
        var name = Path.ChangeExtension(Path.GetFileName(list), ".xlsx");
        var workbook = Settled(FixtureFiles.Xlsx([.. sample.Rows.Prepend([.. sample.Header])]));
        return WorkbookMutations(workbook, random).Select(m => new Mutant($"{name}: {m.Name}", SampleDatabase.SlugOf(list), name, m.Content));
    }

    /// <summary>
    /// The workbook with the same bytes on every run: the OpenXML SDK names relationships at random and stamps the zip
    /// with the time, so a byte flipped at a fixed place would otherwise land somewhere else each time.
    /// </summary>
    private static byte[] Settled(byte[] workbook)
    {
        var ids = new Dictionary<string, string>();
        using var settled = new MemoryStream();
        using (var source = new ZipArchive(new MemoryStream(workbook)))
        using (var target = new ZipArchive(settled, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var entry in source.Entries)
            {
                using var reader = new StreamReader(entry.Open());
                var text = RelationshipId().Replace(reader.ReadToEnd(), m => ids.TryGetValue(m.Value, out var id) ? id : ids[m.Value] = $"rId{ids.Count + 1}");
                var copy = target.CreateEntry(entry.FullName);
                copy.LastWriteTime = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
                using var writer = new StreamWriter(copy.Open(), new UTF8Encoding(false));
                writer.Write(text);
            }
        return settled.ToArray();
    }

    private static IEnumerable<(string Name, byte[] Content)> ByteMutations(byte[] bytes, Random random)
    {
        for (var i = 0; i < 4; i++)
        {
            var at = random.Next(bytes.Length);
            yield return ($"truncated at byte {at}", bytes[..at]);
        }
        foreach (var flips in new[] { 1, 1, 3, 3, 10, 10, 100, 100 })
        {
            var copy = bytes.ToArray();
            for (var i = 0; i < flips; i++) copy[random.Next(copy.Length)] ^= (byte)random.Next(1, 256);
            yield return ($"{flips} bytes flipped", copy);
        }
        for (var i = 0; i < 2; i++)
        {
            var at = random.Next(bytes.Length);
            var length = random.Next(1, Math.Min(500, bytes.Length - at) + 1);
            yield return ($"{length} bytes deleted at {at}", [.. bytes[..at], .. bytes[(at + length)..]]);
        }
        foreach (var at in new[] { 0, random.Next(Math.Min(8000, bytes.Length)), random.Next(bytes.Length) })
            yield return ($"NUL bytes inserted at {at}", [.. bytes[..at], 0, 0, .. bytes[at..]]);
    }

    private static IEnumerable<(string Name, byte[] Content)> ListMutations(SampleCsv list, Random random)
    {
        for (var i = 0; i < 2; i++)
        {
            var order = Shuffled(list.Header.Count, random);
            yield return ("columns shuffled, header and rows alike",
                Utf8(list with { Header = [.. order.Select(c => list.Header[c])], Rows = [.. list.Rows.Select(r => order.Select(c => r[c]).ToArray())] }));
            yield return ("columns shuffled, each row its own way",
                Utf8(list with { Header = [.. order.Select(c => list.Header[c])], Rows = [.. list.Rows.Select(r => Shuffled(r.Length, random).Select(c => r[c]).ToArray())] }));
            yield return ("rows duplicated",
                Utf8(list with { Rows = [.. list.Rows.SelectMany(r => Enumerable.Repeat(r, random.Next(4) == 0 ? random.Next(2, 4) : 1))] }));
        }
        yield return ("header dropped", Utf8(list with { Header = list.Rows[0], Rows = [.. list.Rows.Skip(1)] }));
        yield return ("separator changed to semicolon", Encoding.UTF8.GetBytes(list.Text().Replace(list.Separator, ';')));
    }

    private static IEnumerable<(string Name, byte[] Content)> TextMutations(byte[] bytes, Random random)
    {
        using var reader = new StreamReader(new MemoryStream(bytes), TextSniffer.DetectEncoding(new MemoryStream(bytes)));
        var text = reader.ReadToEnd();
        yield return ("saved as Windows-1252", TextSniffer.Windows1252.GetBytes(text));
        yield return ("saved as Windows-1252 behind a UTF-8 byte order mark", [.. Encoding.UTF8.Preamble, .. TextSniffer.Windows1252.GetBytes(text)]);
        yield return ("saved as UTF-8 with a byte order mark", [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(text)]);
        yield return ("saved as UTF-16 LE with a byte order mark", [.. Encoding.Unicode.Preamble, .. Encoding.Unicode.GetBytes(text)]);
        yield return ("saved as UTF-16 BE with a byte order mark", [.. Encoding.BigEndianUnicode.Preamble, .. Encoding.BigEndianUnicode.GetBytes(text)]);
        yield return ("saved as UTF-16 LE without a byte order mark", Encoding.Unicode.GetBytes(text));
        yield return ("saved with old Mac line endings", Encoding.UTF8.GetBytes(text.Replace("\r\n", "\r").Replace('\n', '\r')));
        for (var i = 0; i < 2; i++)
        {
            var at = random.Next(text.Length);
            yield return ($"stray quote at character {at}", Encoding.UTF8.GetBytes(text.Insert(at, "\"")));
        }
    }

    private static IEnumerable<(string Name, byte[] Content)> WorkbookMutations(byte[] bytes, Random random)
    {
        foreach (var mutation in ByteMutations(bytes, random)) yield return mutation;

        string[] entries;
        using (var zip = new ZipArchive(new MemoryStream(bytes)))
            entries = [.. zip.Entries.Select(e => e.FullName)];
        foreach (var entry in entries)
        {
            var garbage = new byte[random.Next(1, 2000)];
            random.NextBytes(garbage);
            yield return ($"{entry} replaced by random bytes", WithEntry(bytes, entry, _ => garbage));
            yield return ($"{entry} removed", WithEntry(bytes, entry, null));
        }

        var sheet = entries.First(e => e.Contains("worksheets/", StringComparison.Ordinal));
        var sharedStrings = entries.First(e => e.EndsWith("sharedStrings.xml", StringComparison.Ordinal));
        string[] xmlEntries = [sheet, sheet, "xl/workbook.xml", sharedStrings];
        foreach (var entry in xmlEntries)
        {
            yield return ($"{entry} cut short", WithText(bytes, entry, xml => xml[..random.Next(xml.Length)]));
            yield return ($"{entry} with characters changed", WithText(bytes, entry, xml =>
            {
                var chars = xml.ToCharArray();
                for (var i = 0; i < 5; i++) chars[random.Next(chars.Length)] = "<>&\"'=/x9 "[random.Next(10)];
                return new string(chars);
            }));
        }
        yield return ("a cell in a column far beyond Excel's last", WithText(bytes, sheet, xml => FirstCellReference().Replace(xml, "r=\"ZZZZZZ2\"", 1)));
        yield return ("a cell in a column whose number overflows", WithText(bytes, sheet, xml => FirstCellReference().Replace(xml, "r=\"ZZZZZZZZ2\"", 1)));
        yield return ("a cell in column XFD, Excel's last", WithText(bytes, sheet, xml => FirstCellReference().Replace(xml, "r=\"XFD2\"", 1)));
        yield return ("cells without references", WithText(bytes, sheet, xml => CellReference().Replace(xml, "")));
        yield return ("rows without numbers", WithoutRowNumbers(bytes));
        yield return ("a row numbered beyond Excel's last", WithText(bytes, sheet, xml => RowNumber().Replace(xml, " r=\"4294967295\"", 1, xml.IndexOf("row r=", xml.IndexOf("row r=", StringComparison.Ordinal) + 1, StringComparison.Ordinal))));
        yield return ("shared strings pointing nowhere", WithText(bytes, sheet, xml => SharedStringIndex().Replace(xml, ">99999999<")));
        yield return ("shared strings pointing below zero", WithText(bytes, sheet, xml => SharedStringIndex().Replace(xml, ">-1<", 3)));
        yield return ("a content type that is no type/subtype", WithText(bytes, "[Content_Types].xml", xml => ContentTypeSlash().Replace(xml, "ContentType=\"$1", 1)));
        yield return ("a sheet id pointing nowhere", WithText(bytes, "xl/workbook.xml", xml => SheetRelationship().Replace(xml, "r:id=\"rIdNowhere\"")));
        yield return ("a sheet without a relationship id", WithText(bytes, "xl/workbook.xml", xml => SheetRelationship().Replace(xml, "")));
        yield return ("a sheet that is the shared strings part", WithText(bytes, "xl/_rels/workbook.xml.rels", xml => SheetTarget().Replace(xml, $"Target=\"/{sharedStrings}\"")));

        using var table = new XlsxTable(new MemoryStream(bytes));
        var header = table.Header.ToArray();
        var rows = table.Rows().Select(r => r.Cells).ToList();
        for (var i = 0; i < 2; i++)
        {
            var order = Shuffled(header.Length, random);
            string Cell(string[] row, int column) => column < row.Length ? row[column] : "";
            yield return ("columns shuffled, header and rows alike",
                FixtureFiles.Xlsx([.. rows.Select(r => order.Select(c => Cell(r, c)).ToArray()).Prepend([.. order.Select(c => header[c])])]));
            yield return ("columns shuffled, each row its own way",
                FixtureFiles.Xlsx([.. rows.Select(r => Shuffled(header.Length, random).Select(c => Cell(r, c)).ToArray()).Prepend([.. order.Select(c => header[c])])]));
        }
        yield return ("header dropped", FixtureFiles.Xlsx(rows));
        yield return ("rows duplicated", FixtureFiles.Xlsx([.. rows.SelectMany(r => new[] { r, r }).Prepend(header)]));
        yield return ("a sheet that declares a small size and unpacks to more", DeclaringSize(bytes, sheet, 100));
    }

    private static byte[] Utf8(SampleCsv list) => Encoding.UTF8.GetBytes(list.Text());

    private static int[] Shuffled(int count, Random random)
    {
        var order = Enumerable.Range(0, count).ToArray();
        random.Shuffle(order);
        return order;
    }

    /// <summary>A copy of the zip with one entry's content replaced (or the entry removed when <c>content</c> is null).</summary>
    private static byte[] WithEntry(byte[] zip, string entry, Func<byte[], byte[]>? content)
    {
        using var memory = new MemoryStream();
        memory.Write(zip);
        using (var archive = new ZipArchive(memory, ZipArchiveMode.Update, leaveOpen: true))
        {
            var existing = archive.GetEntry(entry)!;
            byte[] old;
            using (var stream = existing.Open())
            using (var copy = new MemoryStream())
            {
                stream.CopyTo(copy);
                old = copy.ToArray();
            }
            existing.Delete();
            if (content is not null)
                using (var stream = archive.CreateEntry(entry).Open())
                    stream.Write(content(old));
        }
        return memory.ToArray();
    }

    private static byte[] WithText(byte[] zip, string entry, Func<string, string> change) =>
        WithEntry(zip, entry, old => Encoding.UTF8.GetBytes(change(Encoding.UTF8.GetString(old))));

    /// <summary>The workbook with the optional row numbers left out of its first sheet, as some programs write it.</summary>
    public static byte[] WithoutRowNumbers(byte[] workbook)
    {
        using var zip = new ZipArchive(new MemoryStream(workbook));
        var sheet = zip.Entries.First(e => e.FullName.Contains("worksheets/", StringComparison.Ordinal)).FullName;
        return WithText(workbook, sheet, xml => RowNumber().Replace(xml, ""));
    }

    /// <summary>The zip with an entry's declared uncompressed size, in both its local and its central header, set too small.</summary>
    public static byte[] DeclaringSize(byte[] zip, string entry, uint size)
    {
        var copy = zip.ToArray();
        var name = Encoding.ASCII.GetBytes(entry);
        for (var at = 0; at + 46 < copy.Length; at++)
        {
            var signature = BitConverter.ToUInt32(copy, at);
            var (sizeAt, nameLengthAt, nameAt) = signature switch
            {
                0x04034b50 => (22, 26, 30),
                0x02014b50 => (24, 28, 46),
                _ => (0, 0, 0),
            };
            if (sizeAt == 0 || BitConverter.ToUInt16(copy, at + nameLengthAt) != name.Length
                || !copy.AsSpan(at + nameAt, name.Length).SequenceEqual(name)) continue;
            BitConverter.TryWriteBytes(copy.AsSpan(at + sizeAt, 4), size);
        }
        return copy;
    }

    [GeneratedRegex("r=\"A2\"")]
    private static partial Regex FirstCellReference();

    [GeneratedRegex(" r=\"[A-Z]+[0-9]+\"")]
    private static partial Regex CellReference();

    [GeneratedRegex("(?<=<(x:)?row[^>]*) r=\"[0-9]+\"")]
    private static partial Regex RowNumber();

    [GeneratedRegex("(?<=<(x:)?v)>[0-9]+<")]
    private static partial Regex SharedStringIndex();

    [GeneratedRegex("r:id=\"[^\"]*\"")]
    private static partial Regex SheetRelationship();

    [GeneratedRegex("ContentType=\"([^\"/]*)/")]
    private static partial Regex ContentTypeSlash();

    [GeneratedRegex(@"\bR[0-9a-f]{16}\b")]
    private static partial Regex RelationshipId();

    [GeneratedRegex("Target=\"[^\"]*worksheets/[^\"]*\"")]
    private static partial Regex SheetTarget();
}
