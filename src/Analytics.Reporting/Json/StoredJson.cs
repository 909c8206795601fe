using System.Text.Json;
using System.Text.Json.Serialization;
using Analytics.Core.Reports;

namespace Analytics.Reporting.Json;

/// <summary>
/// The stored forms' largest parts, breakdowns and tie networks, written as the serializer writes them by itself (the
/// same bytes, so no stored row changes) but with their tallies and ties handled directly. The serializer keeps a frame
/// of bookkeeping for every object it enters, even one a converter writes, and copies it in and out: for a full
/// recompute at a million participations (millions of tallies and ties) that copying was 7.6 s of the networks' JSON
/// and 3.7 s of the payloads', a fifth of the run. Reading is left to the serializer, except for the ties.
/// </summary>
public static class StoredJson
{
    /// <summary>The serializer's own options: the Web defaults the payloads and networks were always written with.</summary>
    private static readonly JsonSerializerOptions Plain = new(JsonSerializerDefaults.Web);

    /// <summary>The options to write and read stored payloads with.</summary>
    public static readonly JsonSerializerOptions Payloads = new(JsonSerializerDefaults.Web) { Converters = { new BreakdownJson() } };

    /// <summary>The options to write and read stored networks with.</summary>
    public static readonly JsonSerializerOptions Networks = new(JsonSerializerDefaults.Web) { Converters = { new TieGraphJson() } };

    /// <summary>A tally as the serializer writes it: every property, in declaration order, nulls included.</summary>
    private static void Write(Utf8JsonWriter writer, Tally tally)
    {
        writer.WriteStartObject();
        writer.WriteString("code"u8, tally.Code);
        writer.WriteString("label"u8, tally.Label);
        writer.WriteNumber("count"u8, tally.Count);
        writer.WriteNumber("persons"u8, tally.Persons);
        writer.WriteString("group"u8, tally.Group);
        writer.WriteString("groupLabel"u8, tally.GroupLabel);
        writer.WriteNumber("keySum"u8, tally.KeySum);
        writer.WriteEndObject();
    }

    private static void Write(Utf8JsonWriter writer, ReadOnlySpan<byte> name, IReadOnlyList<Tally> tallies)
    {
        writer.WriteStartArray(name);
        foreach (var tally in tallies) Write(writer, tally);
        writer.WriteEndArray();
    }

    private static void Expect(bool condition, string message)
    {
        if (!condition) throw new JsonException(message);
    }

    /// <summary>A breakdown: its dimension, its tallies and its total (a computed property the serializer writes too).</summary>
    private sealed class BreakdownJson : JsonConverter<Breakdown>
    {
        public override Breakdown? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            JsonSerializer.Deserialize<Breakdown>(ref reader, Plain);

        public override void Write(Utf8JsonWriter writer, Breakdown value, JsonSerializerOptions options)
        {
            writer.WriteStartObject();
            writer.WriteString("dimension"u8, value.Dimension);
            StoredJson.Write(writer, "tallies"u8, value.Tallies);
            writer.WriteNumber("total"u8, value.Total);
            writer.WriteEndObject();
        }
    }

    /// <summary>A network: <c>{"organisations":[…],"ties":[{"first":"12","second":"40","weight":0.5},…]}</c>.</summary>
    private sealed class TieGraphJson : JsonConverter<TieGraphFigures>
    {
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
            StoredJson.Write(writer, "organisations"u8, value.Organisations);
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
    }
}
