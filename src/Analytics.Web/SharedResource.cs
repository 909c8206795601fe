namespace Analytics.Web;

/// <summary>
/// The UI's strings. The Swedish text is the key, so Swedish needs no resource file; Resources/SharedResource.en.resx
/// holds the English.
/// </summary>
public sealed class SharedResource;
