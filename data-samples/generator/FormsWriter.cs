namespace Analytics.SampleData;

using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using static Csv;

/// <summary>Writes a check-in form's responses as Microsoft Forms exports them to Excel.</summary>
static class FormsWriter
{
    public static readonly string[] Columns = ["ID", "Start time", "Completion time", "Email", "Name"];

    static readonly DateTime Exported = new(2026, 10, 8, 13, 5, 0, DateTimeKind.Utc);

    public static string FileName(EventDefinition e) => e.Slug + ".xlsx";

    /// <summary>A few respondents were signed in, so Forms recorded their e-mail and name; the rest answered anonymously.</summary>
    public static bool LeftTheirName(int index) => index % 9 == 4;

    public static void Write(string path, IReadOnlyList<Registration> rows)
    {
        List<object[]> table = [[.. Columns, .. Taxonomy.Questions]];
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var person = row.Person;
            // The check-in time has minute precision; Forms shows seconds, and a response takes half a minute to two.
            var started = row.RespondedAt.AddSeconds(person.MemberId % 60);
            var completed = started.AddSeconds(30 + person.MemberId % 90);
            var signedIn = LeftTheirName(i);
            table.Add(
            [
                i + 1,
                Invariant(started, "yyyy-MM-dd HH:mm:ss"),
                Invariant(completed, "yyyy-MM-dd HH:mm:ss"),
                signedIn ? EmailAddress(person) : "anonymous",
                signedIn ? $"{person.FirstName} {person.LastName}" : "",
                row.SectorAnswer, row.ProfessionAnswer, row.OrganisationAnswer, row.MunicipalityAnswer, row.RoleAnswer,
                row.ConsentAnswer,
            ]);
        }
        File.WriteAllBytes(path, WithFixedZipTimestamps(Workbook(table)));
    }

    static string EmailAddress(Person person)
    {
        var local = $"{person.FirstName}.{person.LastName}".ToLowerInvariant().Normalize(NormalizationForm.FormD);
        return new string([.. local.Where(c => char.IsAsciiLetterOrDigit(c) || c == '.')]) + "@example.se";
    }

    static byte[] Workbook(List<object[]> table)
    {
        using var memory = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(memory, SpreadsheetDocumentType.Workbook))
        {
            var strings = new List<string>();
            var stringIndex = new Dictionary<string, int>();
            var sheetData = new SheetData();
            for (var r = 0; r < table.Count; r++)
            {
                var excelRow = new Row { RowIndex = (uint)(r + 1) };
                for (var c = 0; c < table[r].Length; c++)
                {
                    var reference = $"{(char)('A' + c)}{r + 1}";
                    if (table[r][c] is int number)
                    {
                        excelRow.Append(new Cell { CellReference = reference, CellValue = new CellValue(number) });
                        continue;
                    }
                    var text = (string)table[r][c];
                    if (text.Length == 0)
                        continue;
                    if (!stringIndex.TryGetValue(text, out var index))
                    {
                        index = strings.Count;
                        stringIndex[text] = index;
                        strings.Add(text);
                    }
                    excelRow.Append(new Cell
                    {
                        CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue(index),
                    });
                }
                sheetData.Append(excelRow);
            }

            // Explicit relationship ids: the SDK would otherwise draw random ones and the file would differ on every run.
            var workbookPart = document.AddNewPart<WorkbookPart>(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", "rId1");
            var worksheetPart = workbookPart.AddNewPart<WorksheetPart>("rId1");
            worksheetPart.Worksheet = new Worksheet(
                new Columns(new Column { Min = 1, Max = (uint)table[0].Length, Width = 24, CustomWidth = true }),
                sheetData);
            var stringsPart = workbookPart.AddNewPart<SharedStringTablePart>("rId2");
            stringsPart.SharedStringTable = new SharedStringTable(strings.Select(s => new SharedStringItem(Text(s))))
            {
                Count = (uint)strings.Count, UniqueCount = (uint)strings.Count,
            };
            var stylesPart = workbookPart.AddNewPart<WorkbookStylesPart>("rId3");
            stylesPart.Stylesheet = new Stylesheet(
                new Fonts(new Font()),
                new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }),
                    new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
                new Borders(new Border()),
                new CellStyleFormats(new CellFormat()),
                new CellFormats(new CellFormat()));
            workbookPart.Workbook = new Workbook(new Sheets(new Sheet { Name = "Sheet1", SheetId = 1, Id = "rId1" }));

            // Written by hand: System.IO.Packaging would store package properties under a random part name.
            var coreProperties = document.AddNewPart<CoreFilePropertiesPart>("rId2");
            using var stream = coreProperties.GetStream(FileMode.Create);
            using var writer = new StreamWriter(stream, new UTF8Encoding(false));
            var stamp = Invariant(Exported, "yyyy-MM-ddTHH:mm:ssZ");
            writer.Write(
                "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>" +
                "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" " +
                "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" " +
                "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">" +
                "<dc:creator>Microsoft Forms</dc:creator>" +
                $"<dcterms:created xsi:type=\"dcterms:W3CDTF\">{stamp}</dcterms:created>" +
                $"<dcterms:modified xsi:type=\"dcterms:W3CDTF\">{stamp}</dcterms:modified>" +
                "</cp:coreProperties>");
        }
        return memory.ToArray();
    }

    static Text Text(string value) =>
        value.Trim() == value ? new Text(value) : new Text(value) { Space = SpaceProcessingModeValues.Preserve };

    /// <summary>System.IO.Packaging stamps every zip entry with the current time; pinning it makes regenerating give the same bytes.</summary>
    static byte[] WithFixedZipTimestamps(byte[] package)
    {
        using var output = new MemoryStream();
        using (var source = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read))
        using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries.OrderBy(e => e.FullName, StringComparer.Ordinal))
            {
                var copy = target.CreateEntry(entry.FullName, CompressionLevel.Optimal);
                copy.LastWriteTime = Exported;
                using var from = entry.Open();
                using var to = copy.Open();
                from.CopyTo(to);
            }
        }
        return output.ToArray();
    }
}
