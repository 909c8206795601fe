using System.Net.Mail;
using Analytics.Data.Configuration;

namespace Analytics.Web.Pages.About;

/// <summary>
/// Where the accessibility statement tells people to report a problem (Accessibility:Contact, an e-mail address or an
/// https address). The law (DOS-lagen) and Digg's model statement require a way to reach the organisation, so a server
/// outside Development does not start without one; Development shows a placeholder on the reserved example.org domain.
/// </summary>
public sealed record AccessibilityContact(string Href, string Text)
{
    public const string Setting = "Accessibility:Contact";

    public static AccessibilityContact From(IConfiguration configuration, IHostEnvironment environment)
    {
        var value = configuration[Setting]?.Trim();
        if (string.IsNullOrEmpty(value))
            return environment.IsDevelopment()
                ? new AccessibilityContact("mailto:tillganglighet@example.org", "tillganglighet@example.org")
                : throw new ConfigurationProblem(
                    $"{Setting} saknas: tillgänglighetsredogörelsen måste säga vart man rapporterar brister. Ange en e-postadress eller en https-adress (se README, produktionschecklistan).");
        if (Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps)
            return new AccessibilityContact(uri.AbsoluteUri, value);
        if (!value.Contains(':') && MailAddress.TryCreate(value, out var mail) && mail.Address == value)
            return new AccessibilityContact("mailto:" + mail.Address, mail.Address);
        throw new ConfigurationProblem($"{Setting} är ”{value}”; ange en e-postadress (namn@exempel.se) eller en https-adress.");
    }
}
