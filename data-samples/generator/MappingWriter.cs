namespace Analytics.SampleData;

using System.Text;

/// <summary>
/// Writes mapping.json: the answers an organiser of the network has already placed once, in the importer's mapping
/// format. The sample seed applies it, so the demo shows a network that has been in use for a while; a few variants
/// are left out on purpose, so the import preview still has something to map.
/// </summary>
static class MappingWriter
{
    public static void Write(string path)
    {
        var text = new StringBuilder("{\n  \"values\": {\n");
        var questions = Distributions.SavedMappings.GroupBy(m => m.Question).ToList();
        foreach (var (group, i) in questions.Select((g, i) => (g, i)))
        {
            text.Append($"    \"{group.Key}\": {{\n");
            text.Append(string.Join(",\n", group.Select(m => $"      \"{m.Answer}\": \"{m.Target}\"")));
            text.Append(i == questions.Count - 1 ? "\n    }\n" : "\n    },\n");
        }
        text.Append("  }\n}\n");
        File.WriteAllText(path, text.ToString(), new UTF8Encoding(false));
    }
}
