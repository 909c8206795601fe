using System.IO.Compression;
using System.Text;
using Analytics.Core.Imports;
using Analytics.Ingest.Tests.Meetup;
using Analytics.Testing;
using Microsoft.EntityFrameworkCore;

namespace Analytics.Ingest.Tests.Robustness;

/// <summary>Files too big, too long, packed too tightly or not lists at all are refused whole, with a sentence, and change nothing.</summary>
public class LimitsTests
{
    private const string Slug = SampleData.FirstMeeting;

    private static readonly ImportLimits Small = new() { MaxBytes = 4096, MaxRows = 5, MaxUnpackedBytes = 16 * 1024 };

    private static byte[] ListOf(int members, Func<int, Attendee, Attendee>? change = null) =>
        Encoding.UTF8.GetBytes(MeetupListFile.Newer([.. Enumerable.Range(1, members).Select(i =>
        {
            var member = Attendee.Member($"Person {i}", 40_000 + i);
            return change is null ? member : change(i, member);
        })]).Text());

    /// <summary>Imports and says whether every table still has as many rows as before.</summary>
    private static async Task<(ImportResult Result, bool Unchanged)> ImportAsync(TestDatabase database, string fileName, byte[] content,
        ImportLimits? limits = null)
    {
        var before = await database.CountsAsync();
        var result = await database.ImportAsync(Slug, fileName, content, limits);
        return (result, (await database.CountsAsync()).SequenceEqual(before));
    }

    private static void ShouldBeRefused((ImportResult Result, bool Unchanged) import, string sentence)
    {
        import.Result.Status.ShouldBe(ImportStatus.Rejected);
        import.Result.BatchId.ShouldBeNull();
        import.Result.Refusal.ShouldNotBeNull();
        import.Result.Refusal.ShouldContain(sentence);
        import.Unchanged.ShouldBeTrue("a refused file changes nothing");
    }

    /// <summary>A zip holding one entry of zeros: a few hundred kilobytes that unpack to <paramref name="unpacked"/> bytes.</summary>
    private static byte[] ZipOfZeros(string entry, long unpacked)
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        using (var stream = zip.CreateEntry(entry, CompressionLevel.SmallestSize).Open())
        {
            var zeros = new byte[1024 * 1024];
            for (long written = 0; written < unpacked; written += zeros.Length) stream.Write(zeros);
        }
        return memory.ToArray();
    }

    [Theory, DatabaseProviders]
    public async Task Refuses_a_file_larger_than_the_byte_limit(string provider)
    {
        await using var database = await SampleDatabase.CreateAsync(provider, Slug);

        var import = await ImportAsync(database, "forsta-motet.csv", File.ReadAllBytes(SampleData.FirstMeetingFile), Small);

        ShouldBeRefused(import, "är större än 4 kB; dela upp den eller be en administratör höja gränsen (Import:MaxBytes).");
    }

    [Theory, DatabaseProviders]
    public async Task Refuses_a_forward_only_upload_over_the_byte_limit_without_reading_all_of_it(string provider)
    {
        await using var database = await SampleDatabase.CreateAsync(provider, Slug);
        var limits = new ImportLimits { MaxBytes = 1024 * 1024 };
        await using var endless = new EndlessUpload();
        var before = await database.CountsAsync();

        var result = await database.ImportAsync(new ImportRequest(endless, "oandlig.csv", Slug, "test"), limits);

        result.Refusal.ShouldNotBeNull();
        result.Refusal.ShouldContain("är större än 1 MB");
        endless.BytesRead.ShouldBeLessThan(limits.MaxBytes + 256 * 1024);
        (await database.CountsAsync()).ShouldBe(before);
    }

    [Theory, DatabaseProviders]
    public async Task Reads_a_forward_only_upload_within_the_limit_like_any_other(string provider)
    {
        await using var database = await SampleDatabase.CreateAsync(provider, Slug);
        await using var upload = new EndlessUpload(File.ReadAllBytes(SampleData.FirstMeetingFile));

        var result = await database.ImportAsync(new ImportRequest(upload, "forsta-motet.csv", Slug, "test"));

        result.Refusal.ShouldBeNull();
        result.RowsRead.ShouldBe(SampleCsv.Read(SampleData.FirstMeetingFile).Rows.Count);
    }

    [Theory, DatabaseProviders]
    public async Task Refuses_a_file_with_more_rows_than_the_limit_and_reads_one_with_exactly_as_many(string provider)
    {
        await using var database = await SampleDatabase.CreateAsync(provider, Slug);
        var limits = Small with { MaxBytes = 1024 * 1024 };

        ShouldBeRefused(await ImportAsync(database, "lista.csv", ListOf(6), limits), "har fler än 5 rader; dela upp filen");
        var exactly = await ImportAsync(database, "lista.csv", ListOf(5), limits);

        (exactly.Result.Refusal, exactly.Result.RowsAccepted).ShouldBe((null, 5));
    }

    [Theory, DatabaseProviders]
    public async Task Refuses_a_file_over_the_row_limit_even_after_part_of_it_was_saved(string provider)
    {
        await using var database = await SampleDatabase.CreateAsync(provider, Slug);

        // Rows are saved a thousand at a time, so by the time the limit is reached some are written, inside the transaction.
        var import = await ImportAsync(database, "stor-lista.csv", ListOf(1201), new ImportLimits { MaxRows = 1200 });

        ShouldBeRefused(import, "har fler än 1");
        (await database.QueryAsync(db => db.ImportBatches.AnyAsync())).ShouldBeFalse();
    }

    [Theory, DatabaseProviders]
    public async Task Refuses_a_workbook_that_unpacks_to_more_than_the_limit(string provider)
    {
        await using var database = await SampleDatabase.CreateAsync(provider, Slug);
        var forms = SampleDatabase.FormsExports.First();

        var import = await ImportAsync(database, Path.GetFileName(forms), File.ReadAllBytes(forms), Small with { MaxBytes = 1024 * 1024 });

        ShouldBeRefused(import, "är skadad eller packar upp till mer än 16 kB.");
    }

    [Theory, DatabaseProviders]
    public async Task Refuses_a_zip_bomb_under_the_default_limits(string provider)
    {
        await using var database = await SampleDatabase.CreateAsync(provider, Slug);
        var bomb = ZipOfZeros("xl/worksheets/sheet1.xml", 256L * 1024 * 1024);
        bomb.Length.ShouldBeLessThan(1024 * 1024);

        var import = await ImportAsync(database, "bomb.xlsx", bomb);

        ShouldBeRefused(import, "packar upp till mer än 200 MB.");
    }

    [Theory, DatabaseProviders]
    public async Task Refuses_a_workbook_whose_sheet_unpacks_to_more_than_it_declares(string provider)
    {
        await using var database = await SampleDatabase.CreateAsync(provider, Slug);
        var list = SampleCsv.Read(SampleData.FirstMeetingFile);
        var workbook = FixtureFiles.Xlsx([.. list.Rows.Prepend([.. list.Header])]);
        string sheet;
        long declared, unpacked;
        using (var zip = new ZipArchive(new MemoryStream(workbook)))
        {
            sheet = zip.Entries.First(e => e.FullName.Contains("worksheets/", StringComparison.Ordinal)).FullName;
            unpacked = zip.Entries.Sum(e => e.Length);
            declared = unpacked - zip.GetEntry(sheet)!.Length + 100;
        }
        var lying = Mutant.DeclaringSize(workbook, sheet, 100);
        var limits = new ImportLimits { MaxUnpackedBytes = declared + 1024 };
        unpacked.ShouldBeGreaterThan(limits.MaxUnpackedBytes);

        var import = await ImportAsync(database, "liten.xlsx", lying, limits);

        ShouldBeRefused(import, "”liten.xlsx” går inte att läsa; filen verkar skadad");
    }

    [Theory, DatabaseProviders]
    public async Task Numbers_the_rows_of_a_workbook_that_leaves_out_row_numbers_as_a_spreadsheet_would(string provider)
    {
        await using var database = await SampleDatabase.CreateAsync(provider, Slug);
        var header = MeetupListFile.Newer().Header;
        // Rows without any identifier are told apart by their row number alone.
        string[] Anonymous(int i) => [$"Gäst {i}", "", "", "", "No", i == 3 ? "Kanske" : "Yes", "0", "", "", "", "", "Kommun", "", "", "", "", "Ja"];
        var workbook = Mutant.WithoutRowNumbers(FixtureFiles.Xlsx([header, .. Enumerable.Range(1, 4).Select(Anonymous)]));

        var result = (await ImportAsync(database, "utan-radnummer.xlsx", workbook)).Result;

        (result.RowsRead, result.RowsAccepted, result.RowsRejected).ShouldBe((4, 3, 1));
        result.Errors.Single().Row.ShouldBe(4);
    }

    [Theory, DatabaseProviders]
    public async Task Refuses_a_binary_file(string provider)
    {
        await using var database = await SampleDatabase.CreateAsync(provider, Slug);
        var picture = new byte[5000];
        new Random(1).NextBytes(picture);
        byte[] png = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, .. picture];

        ShouldBeRefused(await ImportAsync(database, "bild.png", png), "är varken en textfil (CSV) eller en Excelfil (.xlsx)");
    }

    [Theory, DatabaseProviders]
    public async Task Refuses_a_text_file_with_a_nul_byte_deep_inside_as_binary(string provider)
    {
        await using var database = await SampleDatabase.CreateAsync(provider, Slug);
        var list = ListOf(1000);
        list.Length.ShouldBeGreaterThan(100_000);
        byte[] damaged = [.. list[..^30], 0, .. list[^30..]];

        ShouldBeRefused(await ImportAsync(database, "lista.csv", damaged), "är varken en textfil (CSV) eller en Excelfil (.xlsx)");
    }

    [Theory, DatabaseProviders]
    public async Task Refuses_an_empty_file(string provider)
    {
        await using var database = await SampleDatabase.CreateAsync(provider, Slug);

        ShouldBeRefused(await ImportAsync(database, "tom.csv", []), "Filen ”tom.csv” är tom.");
    }

    [Theory, DatabaseProviders]
    public async Task Refuses_a_header_with_no_rows_as_text_or_as_a_workbook(string provider)
    {
        await using var database = await SampleDatabase.CreateAsync(provider, Slug);
        var header = MeetupListFile.Newer().Header;

        ShouldBeRefused(await ImportAsync(database, "rubrik.csv", Encoding.UTF8.GetBytes(string.Join(',', header) + "\n\n")),
            "”rubrik.csv” har en rubrikrad men inga rader.");
        ShouldBeRefused(await ImportAsync(database, "rubrik.xlsx", FixtureFiles.Xlsx([header])), "”rubrik.xlsx” har en rubrikrad men inga rader.");
    }

    [Theory, DatabaseProviders]
    public async Task Refuses_a_file_whose_headers_ask_no_known_question(string provider)
    {
        await using var database = await SampleDatabase.CreateAsync(provider, Slug);
        var content = Encoding.UTF8.GetBytes("Förnamn;Efternamn;Skostorlek\nAnna;Berg;38\n");

        ShouldBeRefused(await ImportAsync(database, "okand.csv", content), "Känner inte igen kolumnerna i ”okand.csv”");
    }

    [Theory, DatabaseProviders]
    public async Task Imports_a_file_with_a_very_long_name_keeping_as_much_of_the_name_as_fits(string provider)
    {
        await using var database = await SampleDatabase.CreateAsync(provider, Slug);
        var name = new string('å', 240) + ".csv";

        var import = await ImportAsync(database, name, ListOf(3));

        import.Result.Refusal.ShouldBeNull();
        var stored = await database.QueryAsync(db => db.ImportBatches.Select(b => b.FileName).SingleAsync());
        name.ShouldStartWith(stored.TrimEnd('…'));
    }

    [Theory, DatabaseProviders]
    public async Task Rejects_ragged_rows_bad_dates_bad_organisationsnummer_duplicates_and_overlong_answers_each_with_its_reason(string provider)
    {
        await using var database = await SampleDatabase.CreateAsync(provider, Slug);
        var list = Encoding.UTF8.GetString(ListOf(8, (i, a) => i switch
        {
            2 => a with { RsvpedOn = "den 30 februari" },
            3 => a with { Organisation = "212000-1354" },
            4 => Attendee.Member("Person 1", 40_001),
            5 => a with { Profession = new string('x', 201) },
            6 => a with { Consent = "Ja, " + new string('j', 300) },
            _ => a,
        }));
        var lines = list.Split('\n');
        lines[7] += ",en cell för mycket";

        var result = (await ImportAsync(database, "lista.csv", Encoding.UTF8.GetBytes(string.Join('\n', lines)))).Result;

        (result.RowsRead, result.RowsAccepted, result.RowsRejected).ShouldBe((8, 3, 5));
        result.Errors.Select(e => (e.Row, e.Column)).ShouldBe([(3, "RSVPed on"), (4, "organisation"), (5, null), (6, "profession"), (8, null)]);
        result.Errors[0].Reason.ShouldContain("Datumet går inte att läsa");
        result.Errors[1].Reason.ShouldContain("fel kontrollsiffra");
        result.Errors[2].Reason.ShouldContain("Samma person förekommer redan tidigare i filen");
        result.Errors[3].Reason.ShouldContain("längre än 200 tecken");
        result.Errors[4].Reason.ShouldContain("Raden har 18 kolumner men rubrikraden 17");
        var batch = await database.QueryAsync(db => db.ImportBatches.Include(b => b.Errors).SingleAsync());
        batch.Errors.OrderBy(e => e.RowNumber).Select(e => (e.RowNumber, e.Column, e.Reason)).ShouldBe(result.Errors.Select(e => (e.Row, e.Column, e.Reason)));
        (await database.QueryAsync(db => db.Participations.CountAsync(p => p.HasProfile))).ShouldBe(3, "a long consent answer is read, not kept");
    }

    /// <summary>An upload that can only be read forwards, as a request body is; endless unless given its content.</summary>
    private sealed class EndlessUpload(byte[]? content = null) : Stream
    {
        private static readonly byte[] Line = Encoding.UTF8.GetBytes("Name,User ID,RSVP\nAnna,user 1,Yes\n");

        public long BytesRead { get; private set; }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = 0;
            for (; n < count && (content is null || BytesRead < content.Length); n++, BytesRead++)
                buffer[offset + n] = content is null ? Line[BytesRead % Line.Length] : content[BytesRead];
            return n;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => BytesRead; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
