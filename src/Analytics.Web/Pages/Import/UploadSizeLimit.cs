using Analytics.Ingest;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Analytics.Web.Pages.Import;

/// <summary>
/// Holds an upload to <see cref="ImportLimits.MaxBytes"/> before anything reads it. The server's and the form reader's
/// limits are set just above the file limit, so a file a little too big arrives whole and the page refuses it with its
/// sentence; a request declaring more than that is answered at once with the upload page and the same sentence,
/// instead of the bare 400 that the anti-forgery check would give when it could not read the form.
/// </summary>
public sealed class UploadSizeLimit(ImportLimits limits) : IAuthorizationFilter
{
    /// <summary>The query value that makes the upload page show the size refusal.</summary>
    public const string TooLarge = "for-stor";

    /// <summary>Room for the form's other fields and the multipart boundaries around the file.</summary>
    private const long FormOverhead = 64 * 1024;

    public void OnAuthorization(AuthorizationFilterContext context)
    {
        var http = context.HttpContext;
        if (!HttpMethods.IsPost(http.Request.Method)) return;
        var limit = limits.MaxBytes + FormOverhead;
        if (http.Request.ContentLength > limit)
        {
            var slug = http.Request.Query["event"].ToString();
            context.Result = new RedirectResult($"/import?fel={TooLarge}{(slug.Length > 0 ? $"&event={Uri.EscapeDataString(slug)}" : "")}");
            return;
        }
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } body) body.MaxRequestBodySize = limit;
        if (http.Features.Get<IFormFeature>() is not { Form: not null })
            http.Features.Set<IFormFeature>(new FormFeature(http.Request, new FormOptions { MultipartBodyLengthLimit = limit }));
    }
}
