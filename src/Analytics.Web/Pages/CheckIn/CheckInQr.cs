using Microsoft.Extensions.Caching.Memory;
using QRCoder;

namespace Analytics.Web.Pages.CheckIn;

/// <summary>The check-in address of an event and its QR code, as SVG (scales to any screen; no System.Drawing).</summary>
public static class CheckInQr
{
    public const string PathPrefix = "/checka-in/";

    public static string Path(string slug) => PathPrefix + Uri.EscapeDataString(slug);

    /// <summary>The full address a phone opens, on the host the organiser reached the site by.</summary>
    public static string Url(HttpRequest request, string slug) => $"{request.Scheme}://{request.Host}{request.PathBase}{Path(slug)}";

    /// <summary>
    /// Error correction M survives a glare spot on a projector; the viewBox lets CSS size it. Dark on white with the
    /// quiet zone, the contrast every phone camera reads.
    /// </summary>
    public static string Svg(string url) => Drawn.GetOrCreate(url, entry =>
    {
        entry.Size = 1;
        entry.SlidingExpiration = TimeSpan.FromHours(1);
        return Draw(url);
    })!;

    /// <summary>
    /// Codes already drawn, by address: a pure function, so never stale. Drawing one took a sixth of the event page's
    /// time. Bounded, since the address holds the Host header a client sends.
    /// </summary>
    private static readonly MemoryCache Drawn = new(new MemoryCacheOptions { SizeLimit = 1_000 });

    private static string Draw(string url)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(8, "#000000", "#ffffff", drawQuietZones: true, SvgQRCode.SizingMode.ViewBoxAttribute);
    }
}
