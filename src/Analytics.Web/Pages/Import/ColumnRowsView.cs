using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Analytics.Web.Pages.Import;

/// <summary>Rows of the column form, each with its index in the posted list and the header text it stands for.</summary>
public sealed record ColumnRowsView(ColumnChoices Options, IReadOnlyList<ColumnChoice> Choices, ModelStateDictionary ModelState, string CaptionId)
{
    public IEnumerable<(ColumnChoice Choice, int Row, string Header)> Rows =>
        Choices.Select((choice, row) => (choice, row)).Where(r => Options.Has(r.choice.Index)).Select(r => (r.choice, r.row, Options.Shown(r.choice.Index)));

    public string? Error(int row) => ModelState[$"Columns[{row}].Question"]?.Errors.FirstOrDefault()?.ErrorMessage;
}
