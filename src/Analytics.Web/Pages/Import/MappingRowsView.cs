using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Analytics.Web.Pages.Import;

/// <summary>Rows of the mapping form, each with its index in the posted list, and the choices each question offers.</summary>
public sealed record MappingRowsView(IReadOnlyList<(ValueChoice Choice, int Index)> Rows, MappingChoices Options, bool English,
    ModelStateDictionary ModelState, string CaptionId)
{
    public string? Error(int index) => ModelState[$"Choices[{index}].NewSector"]?.Errors.FirstOrDefault()?.ErrorMessage;
}
