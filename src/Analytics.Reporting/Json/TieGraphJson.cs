using System.Text.Json;
using System.Text.Json.Serialization;
using Analytics.Core.Reports;

namespace Analytics.Reporting.Json;

/// <summary>
/// A stored tie network, written and read as the serializer would by itself (the same bytes:
/// <c>{"organisations":[…],"ties":[{"first":"12","second":"40","weight":0.5},…]}</c>) but with its ties handled directly.
/// The serializer keeps a frame of bookkeeping for every object it enters, even one a converter writes, and copies it in
/// and out; for the networks of a full recompute at a million participations (millions of ties) that copying was 7.6 s
/// of a 56 s run, more than writing the rows. The organisations, a few thousand at most, are left to the serializer.
/// </summary>
public sealed class TieGraphJson : JsonConverter<TieGraphFigures>
{
    // The serializer's own options for what this converter leaves to it: the Web defaults the networks were always written with.
    private static readonly JsonSerializerOptions Plain = new(JsonSerializerDefaults.Web);

    /// <summary>The options to write and read stored networks with.</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Converters = { new TieGraphJson() } };

    public override TieGraphFigures Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        Expect(reader.TokenType == JsonTokenType.StartObject, "A network is an object.");
        List<Tally>? organisations = null;
        List<OrganisationTie>? ties = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var list = reader.ValueTextEquals("organisations"u8) ? 1 : reader.ValueTextEquals("ties"u8) ? 2 : 0;
            reader.Read();
            if (list == 1) organisations = JsonSerializer.Deserialize<List<Tally>>(ref reader, Plain);
            else if (list == 2) ties = ReadTies(ref reader);
            else reader.Skip();
        }
        Expect(reader.TokenType == JsonTokenType.EndObject && organisations is not null && ties is not null, "A network needs its organisations and ties.");
        return new TieGraphFigures(organisations!, ties!);
    }

    public override void Write(Utf8JsonWriter writer, TieGraphFigures value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WritePropertyName("organisations"u8);
        JsonSerializer.Serialize(writer, value.Organisations, Plain);
        writer.WriteStartArray("ties"u8);
        foreach (var tie in value.Ties)
        {
            writer.WriteStartObject();
            writer.WriteString("first"u8, tie.First);
            writer.WriteString("second"u8, tie.Second);
            writer.WriteNumber("weight"u8, tie.Weight);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static List<OrganisationTie> ReadTies(ref Utf8JsonReader reader)
    {
        Expect(reader.TokenType == JsonTokenType.StartArray, "A network's ties are a list.");
        var ties = new List<OrganisationTie>();
        while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
        {
            string? first = null, second = null;
            double? weight = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.ValueTextEquals("first"u8) ? 1 : reader.ValueTextEquals("second"u8) ? 2 : reader.ValueTextEquals("weight"u8) ? 3 : 0;
                reader.Read();
                switch (name)
                {
                    case 1: first = reader.GetString(); break;
                    case 2: second = reader.GetString(); break;
                    case 3: weight = reader.GetDouble(); break;
                    default: reader.Skip(); break;
                }
            }
            Expect(first is not null && second is not null && weight is not null, "A tie needs first, second and weight.");
            ties.Add(new OrganisationTie(first!, second!, weight!.Value));
        }
        Expect(reader.TokenType == JsonTokenType.EndArray, "A tie is an object.");
        return ties;
    }

    private static void Expect(bool condition, string message)
    {
        if (!condition) throw new JsonException(message);
    }
}
