using Analytics.Core.Disclosure;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;

namespace Analytics.Web.Pages.Shared;

/// <summary>
/// A protected headcount: <c>&lt;count value="@cell.Count" of="@report" /&gt;</c> writes the number in the reader's
/// culture, or a suppressed one as "&lt;k" with a tooltip saying why, so it reads as deliberate, not broken.
/// </summary>
[HtmlTargetElement("count", TagStructure = TagStructure.WithoutEndTag)]
public sealed class CountTagHelper(IStringLocalizer<SharedResource> localizer) : TagHelper
{
    public int? Value { get; set; }

    /// <summary>The report the count comes from, for its threshold k.</summary>
    public ProtectedReport Of { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (Value is { } value)
        {
            output.TagName = null;
            output.Content.SetContent(Counts.Show(value, Of.K));
            return;
        }
        output.TagName = "abbr";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "suppressed");
        output.Attributes.SetAttribute("title", localizer["Färre än {0} personer, eller dolt så att en liten grupp inte kan räknas fram", Of.K].Value);
        output.Content.SetContent(Counts.Show(null, Of.K));
    }
}
