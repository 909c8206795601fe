namespace Analytics.Core.Organisations;

/// <summary>An organisation people come from; some host events.</summary>
public sealed class Organisation
{
    public int Id { get; set; }
    public required string Name { get; set; }

    /// <summary>Ten digits without separator, or null where unknown.</summary>
    public string? Organisationsnummer { get; set; }
    public required string SectorCode { get; set; }
    public string? MunicipalityCode { get; set; }
    public bool IsHost { get; set; }

    /// <summary>Alternative spellings people use ("GU", "VGR"), separated by '|', matched after normalisation.</summary>
    public string? Aliases { get; set; }
}
