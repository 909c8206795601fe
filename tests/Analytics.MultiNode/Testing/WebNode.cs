using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace Analytics.MultiNode.Testing;

/// <summary>A running web node and a way to talk to it as a browser would, with or without a given login cookie.</summary>
public sealed partial class WebNode(string name, Uri address, NodeProcess process)
{
    public const string LoginCookie = "otg.konto";

    public string Name { get; } = name;

    public Uri Address { get; } = address;

    public NodeProcess Process { get; } = process;

    /// <summary>A client with its own cookie jar that follows redirects, as a browser does.</summary>
    public (HttpClient Client, CookieContainer Cookies) Browser()
    {
        var cookies = new CookieContainer();
        var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = true }) { BaseAddress = Address };
        return (client, cookies);
    }

    /// <summary>A client that sends exactly this cookie header and nothing else, and does not follow redirects.</summary>
    public HttpClient WithCookie(string? cookie)
    {
        var client = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = Address };
        if (cookie is not null) client.DefaultRequestHeaders.Add("Cookie", cookie);
        return client;
    }

    public async Task LogInAsync(HttpClient client, string email, string password)
    {
        var form = await client.GetStringAsync("/konto/logga-in");
        var response = await client.PostAsync("/konto/logga-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = AntiforgeryToken(form), ["epost"] = email, ["losenord"] = password, ["tillbaka"] = "/",
        }));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.RequestMessage!.RequestUri!.AbsolutePath.ShouldBe("/", "a successful login lands on the overview");
    }

    /// <summary>Upload → preview → confirm through the import pages; returns the status page it lands on.</summary>
    public async Task<string> ImportAsync(HttpClient client, string slug, string file)
    {
        var form = await client.GetStringAsync($"/import?event={slug}");
        var content = new ByteArrayContent(await File.ReadAllBytesAsync(file));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var body = new MultipartFormDataContent
        {
            { new StringContent(AntiforgeryToken(form)), "__RequestVerificationToken" },
            { new StringContent(slug), "event" },
            { new StringContent("meetup"), "kind" },
            { content, "file", Path.GetFileName(file) },
        };
        var preview = await client.PostAsync($"/import?event={slug}", body);
        preview.StatusCode.ShouldBe(HttpStatusCode.OK, await preview.Content.ReadAsStringAsync());
        var token = PreviewPath().Match(preview.RequestMessage!.RequestUri!.AbsolutePath) is { Success: true } m ? m.Groups[1].Value
            : throw new InvalidOperationException($"Expected the preview, got {preview.RequestMessage.RequestUri}.");
        var page = await preview.Content.ReadAsStringAsync();
        var confirmed = await client.PostAsync($"/import/granska/{token}?handler=Confirm",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = AntiforgeryToken(page) }));
        confirmed.StatusCode.ShouldBe(HttpStatusCode.OK);
        // A worker may finish before the redirect is followed, and then the status page hands straight over to the batch.
        confirmed.RequestMessage!.RequestUri!.AbsolutePath.ShouldMatch("^/import/(status|batch)/", "the confirmed import is queued");
        return $"/import/status/{token}";
    }

    public async Task UntilReadyAsync(TimeSpan limit)
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (Process.HasExited) throw new InvalidOperationException($"{Name} exited while starting.\n{Process.Tail()}");
            try
            {
                if ((await client.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
            }
            if (clock.Elapsed > limit) throw new TimeoutException($"{Name} was not ready within {limit.TotalSeconds} s.\n{Process.Tail()}");
            await Task.Delay(250);
        }
    }

    public static string AntiforgeryToken(string html) =>
        Antiforgery().Match(html) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("No anti-forgery token on the page.");

    [GeneratedRegex(@"name=""__RequestVerificationToken"" type=""hidden"" value=""([^""]+)""")]
    private static partial Regex Antiforgery();

    [GeneratedRegex("^/import/granska/([0-9a-f]{32})$")]
    private static partial Regex PreviewPath();
}
