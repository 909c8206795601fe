using System.Security.Cryptography;
using Analytics.Core.Privacy;
using Analytics.Data.Configuration;
using Microsoft.Extensions.Configuration;

namespace Analytics.Data.Tests.Configuration;

public sealed class AttendeeKeySecretTests : IDisposable
{
    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), "analytics-tests", Guid.NewGuid().ToString("N"));

    public AttendeeKeySecretTests() => Directory.CreateDirectory(_dataFolder);

    public void Dispose() => Directory.Delete(_dataFolder, recursive: true);

    private DatabaseSettings Embedded => new(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(_dataFolder, "analytics.db")}", _dataFolder)
    {
        IsEmbeddedDefault = true,
    };

    private DatabaseSettings Server => new(DatabaseProvider.Postgres, "Host=db;Database=analytics", _dataFolder);

    private static IConfiguration Configuration(params (string Key, string? Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, s.Value))).Build();

    [Fact]
    public void Uses_the_configured_secret()
    {
        var secret = RandomNumberGenerator.GetBytes(32);

        AttendeeKeySecret.Load(Configuration(("Privacy:AttendeeKeySecret", Convert.ToBase64String(secret))), Server).ShouldBe(secret);
    }

    [Theory]
    [InlineData("c2hvcnQ=")]
    [InlineData("not base64 at all!")]
    public void Refuses_a_configured_secret_that_is_short_or_not_base64(string configured)
    {
        var problem = Should.Throw<ConfigurationProblem>(() =>
            AttendeeKeySecret.Load(Configuration(("Privacy:AttendeeKeySecret", configured)), Server));

        problem.Message.ShouldContain("Privacy:AttendeeKeySecret");
        problem.Message.ShouldNotContain(configured);
    }

    [Fact]
    public void The_embedded_default_creates_a_private_key_file_once_and_keeps_using_it()
    {
        var first = AttendeeKeySecret.Load(Configuration(), Embedded);
        var second = AttendeeKeySecret.Load(Configuration(), Embedded);

        first.Length.ShouldBe(32);
        second.ShouldBe(first);
        var keyFile = Path.Combine(_dataFolder, "attendee-key.secret");
        File.ReadAllBytes(keyFile).ShouldBe(first);
        if (!OperatingSystem.IsWindows())
            File.GetUnixFileMode(keyFile).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        Should.NotThrow(() => new AttendeeKeyHasher(first));
    }

    [Fact]
    public void A_server_database_without_a_secret_is_refused_rather_than_given_a_new_one()
    {
        var problem = Should.Throw<ConfigurationProblem>(() => AttendeeKeySecret.Load(Configuration(), Server));

        problem.Message.ShouldContain("Privacy:AttendeeKeySecret");
        problem.Message.ShouldContain("Privacy:KeyFile");
        Directory.EnumerateFiles(_dataFolder).ShouldBeEmpty();
    }

    [Fact]
    public void A_named_key_file_is_created_where_it_is_named()
    {
        var keyFile = Path.Combine(_dataFolder, "keys", "otg.key");

        var secret = AttendeeKeySecret.Load(Configuration(("Privacy:KeyFile", keyFile)), Server);

        File.ReadAllBytes(keyFile).ShouldBe(secret);
        AttendeeKeySecret.Load(Configuration(("Privacy:KeyFile", keyFile)), Server).ShouldBe(secret);
    }

    [Fact]
    public void Refuses_a_key_file_shorter_than_32_bytes()
    {
        var keyFile = Path.Combine(_dataFolder, "short.key");
        File.WriteAllBytes(keyFile, new byte[16]);

        Should.Throw<ConfigurationProblem>(() => AttendeeKeySecret.Load(Configuration(("Privacy:KeyFile", keyFile)), Server))
            .Message.ShouldContain("för kort");
    }
}
