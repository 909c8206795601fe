using System.Collections;

namespace Analytics.Ingest.Tests.Formats;

/// <summary>Every string a <see cref="SourceRow"/> holds, in any property or answer, to look for personal data in it.</summary>
internal static class RowStrings
{
    public static IEnumerable<string> Of(SourceRow row, bool withEmail = true)
    {
        foreach (var property in typeof(SourceRow).GetProperties())
            switch (property.GetValue(row))
            {
                case string text when withEmail || property.Name != nameof(SourceRow.Email):
                    yield return text;
                    break;
                case IEnumerable items and not string:
                    foreach (var item in items)
                        if (item is KeyValuePair<Question, string> answer) yield return answer.Value;
                    break;
            }
    }
}
