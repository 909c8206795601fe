namespace Analytics.MultiNode.Testing;

/// <summary>
/// The built web app, worker and command line, from the same configuration as this test (the project references them, so
/// `dotnet build` of the solution or of this project builds them first).
/// </summary>
public static class Binaries
{
    public static string Root { get; } = FindRoot();

    /// <summary>Debug or Release: the folder above net10.0 in this test's own output path.</summary>
    public static string Configuration { get; } = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;

    public static string Web => Dll("src/Analytics.Web", "Analytics.Web.dll");

    public static string Worker => Dll("jobs/Analytics.Worker", "Analytics.Worker.dll");

    public static string Cli => Dll("src/Analytics.Cli", "analytics.dll");

    private static string Dll(string project, string name)
    {
        var path = Path.Combine(Root, project, "bin", Configuration, "net10.0", name);
        return File.Exists(path) ? path : throw new FileNotFoundException($"{path} is not built; build Analytics.sln ({Configuration}) first.", path);
    }

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "Analytics.sln"))) return folder.FullName;
        throw new DirectoryNotFoundException("Analytics.sln not found above the test binaries.");
    }
}
