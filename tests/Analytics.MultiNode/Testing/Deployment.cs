using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Analytics.Testing;
using Npgsql;

namespace Analytics.MultiNode.Testing;

/// <summary>
/// A production-shaped installation on one fresh PostgreSQL database: the schema installed once by `analytics db migrate`,
/// then web nodes (web only: Jobs:Server=false) and separate workers, all with the same secret and upload folder.
/// The web nodes run in the Development environment, so that their cookies work over plain HTTP on 127.0.0.1: outside
/// Development the cookies are __Host- and Secure and need TLS, which is the proxy's job in production, not this test's.
/// Every process is killed and the database dropped on dispose.
/// </summary>
public sealed class Deployment : IAsyncDisposable
{
    /// <summary>
    /// Short, so a killed worker's job is taken again within the test, yet long enough that a live worker's keep-alive
    /// (every few seconds) never misses it on a loaded machine; production keeps the defaults (README).
    /// </summary>
    public static readonly TimeSpan InvisibilityTimeout = TimeSpan.FromSeconds(12);

    public static readonly TimeSpan DistributedLockTimeout = TimeSpan.FromSeconds(16);

    private readonly List<NodeProcess> _processes = [];
    private readonly string _folder;
    private readonly string _secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private Deployment(TestDatabase database, string folder)
    {
        Database = database;
        _folder = folder;
    }

    public TestDatabase Database { get; }

    public string ConnectionString => Database.Settings.ConnectionString;

    public static async Task<Deployment> CreateAsync()
    {
        // An empty database: no EF migration and no Hangfire table until `db migrate` runs.
        var database = await TestDatabase.CreateAsync("postgres", migrated: false);
        var folder = Path.Combine(Path.GetTempPath(), "analytics-multinode", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(folder, "uploads"));
        return new Deployment(database, folder);
    }

    /// <summary>The settings every process shares, as the README's production section has them.</summary>
    private Dictionary<string, string> Environment(params (string Key, string Value)[] extra)
    {
        var environment = new Dictionary<string, string>
        {
            ["ANALYTICS_Database__Provider"] = "postgres",
            ["ANALYTICS_Database__ConnectionString"] = ConnectionString,
            ["ANALYTICS_Database__DataFolder"] = _folder,
            ["ANALYTICS_Privacy__AttendeeKeySecret"] = _secret,
            ["ANALYTICS_Import__UploadFolder"] = Path.Combine(_folder, "uploads"),
            ["ANALYTICS_Jobs__InvisibilityTimeout"] = InvisibilityTimeout.ToString("c"),
            ["ANALYTICS_Jobs__DistributedLockTimeout"] = DistributedLockTimeout.ToString("c"),
            ["ANALYTICS_Jobs__QueuePollInterval"] = "00:00:00.2",
            ["DOTNET_NOLOGO"] = "1",
        };
        foreach (var (key, value) in extra) environment[key] = value;
        return environment;
    }

    /// <summary>Runs `analytics ARGS` to the end; fails the test with its output unless it exits 0.</summary>
    public async Task<string> CliAsync(string? input, params string[] arguments)
    {
        using var cli = new NodeProcess("analytics " + string.Join(' ', arguments), Binaries.Cli, Environment(), _folder, arguments);
        if (input is not null) await cli.Input.WriteLineAsync(input);
        cli.Input.Close();
        var exit = await cli.ExitCodeAsync(TimeSpan.FromSeconds(60));
        exit.ShouldBe(0, cli.Tail());
        return cli.Output;
    }

    public async Task<WebNode> StartWebAsync(string name)
    {
        var port = FreePort();
        var process = Track(new NodeProcess(name, Binaries.Web, Environment(
            ("ASPNETCORE_ENVIRONMENT", "Development"),
            ("ASPNETCORE_URLS", $"http://127.0.0.1:{port}"),
            ("ANALYTICS_Jobs__Server", "false")), Path.GetDirectoryName(Binaries.Web)!));
        var node = new WebNode(name, new Uri($"http://127.0.0.1:{port}"), process);
        await node.UntilReadyAsync(TimeSpan.FromSeconds(60));
        return node;
    }

    /// <summary>
    /// A worker named <paramref name="name"/> (Jobs:ServerName), so the job store says which one took a job; its database
    /// sessions carry the same name (application_name), so pg_stat_activity says which one is waiting.
    /// </summary>
    public NodeProcess StartWorker(string name, int workers) =>
        Track(new NodeProcess(name, Binaries.Worker, Environment(
            ("DOTNET_ENVIRONMENT", "Production"),
            ("ANALYTICS_Database__ConnectionString", new NpgsqlConnectionStringBuilder(ConnectionString) { ApplicationName = name }.ConnectionString),
            ("ANALYTICS_Jobs__ServerName", name),
            ("ANALYTICS_Jobs__WorkerCount", workers.ToString(System.Globalization.CultureInfo.InvariantCulture))),
            Path.GetDirectoryName(Binaries.Worker)!));

    public string Tails() => string.Join("\n", _processes.Select(p => p.Tail()));

    public async Task<NpgsqlConnection> ConnectAsync()
    {
        var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    public async Task<T> ScalarAsync<T>(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = await ConnectAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        var result = await command.ExecuteScalarAsync();
        return (T)Convert.ChangeType(result!, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task<List<(string, string)>> PairsAsync(string sql)
    {
        await using var connection = await ConnectAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(string, string)>();
        while (await reader.ReadAsync()) rows.Add((Convert.ToString(reader.GetValue(0))!, Convert.ToString(reader.GetValue(1))!));
        return rows;
    }

    public async Task UntilAsync(Func<Task<bool>> done, TimeSpan limit, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!await done())
        {
            if (clock.Elapsed > limit) throw new TimeoutException($"{what} did not happen within {limit.TotalSeconds} s.\n{Tails()}");
            await Task.Delay(200);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in _processes) process.Dispose();
        NpgsqlConnection.ClearAllPools();
        await Database.DisposeAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private NodeProcess Track(NodeProcess process)
    {
        _processes.Add(process);
        return process;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
