namespace Analytics.Cli.Tests.Generate;

/// <summary>`analytics generate` at the edges: small runs that cannot fill every role, and folders it must not overwrite.</summary>
public sealed class GenerateCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("analytics-generate-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("200", "3000")] // more organisations than members: no event has a host
    [InlineData("500", "1")]    // one organisation: organisers and hardly anyone else
    public async Task A_small_run_with_an_odd_shape_writes_its_files_instead_of_failing(string participations, string organisations)
    {
        using var sandbox = new CliSandbox();

        var run = await sandbox.SucceedsAsync("generate", "--out", _folder, "--participations", participations, "--organisations", organisations);

        run.Out.ShouldContain("participation rows");
        File.Exists(Path.Combine(_folder, "events.csv")).ShouldBeTrue();
    }

    [Fact]
    public async Task A_folder_with_files_it_did_not_write_is_refused_and_left_as_it_was()
    {
        var lists = Directory.CreateDirectory(Path.Combine(_folder, "meetup")).FullName;
        var own = Path.Combine(lists, "my-event.csv");
        await File.WriteAllTextAsync(own, "Name,RSVP\n");
        using var sandbox = new CliSandbox();

        var run = await sandbox.RunAsync("generate", "--out", _folder, "--participations", "1000");

        run.ExitCode.ShouldBe(2, run.ToString());
        run.Error.ShouldContain("not made by analytics generate");
        File.Exists(own).ShouldBeTrue();
    }

    [Fact]
    public async Task A_folder_an_earlier_run_made_is_written_again()
    {
        using var sandbox = new CliSandbox();
        await sandbox.SucceedsAsync("generate", "--out", _folder, "--participations", "2000");

        await sandbox.SucceedsAsync("generate", "--out", _folder, "--participations", "1000");

        File.Exists(Path.Combine(_folder, ".analytics-generated")).ShouldBeTrue();
    }
}
