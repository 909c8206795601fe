using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Analytics.Data.Configuration;
using Analytics.Ingest.Mapping;
using Analytics.Ingest.Text;
using Microsoft.Extensions.Configuration;

namespace Analytics.Ingest.Uploads;

/// <summary>
/// Uploaded files between upload and import. The bytes carry personal data (names, e-mail addresses), so they are kept
/// only as a file in the upload folder, named by a random token, never in the database or a log. They are deleted once
/// imported, and every upload is deleted a day after it arrived. A small JSON sidecar beside the bytes holds the
/// <see cref="Upload"/> (file name, event, kind, mapping, outcome) and outlives the bytes until then.
/// </summary>
public sealed partial class UploadStore(string folder, ImportLimits limits, TimeProvider clock)
{
    public static readonly TimeSpan KeptFor = TimeSpan.FromDays(1);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public string Folder => folder;

    /// <summary>Import:UploadFolder, or "uploads" in the data folder.</summary>
    public static string FolderFrom(IConfiguration configuration, DatabaseSettings database) =>
        configuration["Import:UploadFolder"] is { Length: > 0 } configured
            ? Path.GetFullPath(configured)
            : Path.Combine(database.DataFolder, "uploads");

    /// <summary>The refusal of a file over <see cref="ImportLimits.MaxBytes"/>; the name is unknown when the request was cut short.</summary>
    public string TooLarge(string? fileName) => FileChecks.TooLarge(fileName, limits);

    /// <summary>Keeps the content under a new token, or refuses it when it is over the size limit (and keeps nothing).</summary>
    public async Task<(Upload? Upload, string? Refusal)> SaveAsync(Stream content, string fileName, string eventSlug, string? kind,
        CancellationToken cancellationToken = default)
    {
        RemoveExpired();
        CreateFolder();
        var upload = new Upload
        {
            Token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
            // Some browsers send the whole path of the file on the organiser's computer.
            FileName = Path.GetFileName(fileName.Replace('\\', '/')),
            EventSlug = eventSlug,
            Kind = kind,
            UploadedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        // The sidecar first: bytes without one could never be found again, and so never cleaned up.
        await WriteAsync(upload, cancellationToken);

        var written = 0L;
        var buffer = new byte[81920];
        await using (var file = new FileStream(ContentPath(upload.Token), Create()))
        {
            int read;
            while (written <= limits.MaxBytes && (read = await content.ReadAsync(buffer, cancellationToken)) > 0)
            {
                written += read;
                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }
        }
        if (written <= limits.MaxBytes) return (upload, null);
        Delete(upload.Token);
        return (null, TooLarge(upload.FileName));
    }

    /// <summary>The upload with this token, or null when the token is malformed, unknown or expired.</summary>
    public async Task<Upload?> FindAsync(string token, CancellationToken cancellationToken = default)
    {
        if (!TokenShape().IsMatch(token) || !File.Exists(SidecarPath(token))) return null;
        try
        {
            await using var stream = new FileStream(SidecarPath(token), FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            var sidecar = await JsonSerializer.DeserializeAsync<Sidecar>(stream, Json, cancellationToken);
            return sidecar?.ToUpload(token);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
    }

    /// <summary>The uploaded bytes, or null once they are imported or removed.</summary>
    public Stream? OpenContent(Upload upload)
    {
        try
        {
            return new FileStream(ContentPath(upload.Token), FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
    }

    public async Task<Upload> SaveMappingAsync(Upload upload, ImportMapping mapping, CancellationToken cancellationToken = default)
    {
        var saved = upload with { Mapping = mapping };
        await WriteAsync(saved, cancellationToken);
        return saved;
    }

    public async Task<Upload> ConfirmAsync(Upload upload, CancellationToken cancellationToken = default)
    {
        var confirmed = upload with { ConfirmedAtUtc = clock.GetUtcNow().UtcDateTime };
        await WriteAsync(confirmed, cancellationToken);
        return confirmed;
    }

    /// <summary>Records how the import ended and deletes the bytes: imported or refused, they are not needed again.</summary>
    public async Task<Upload> FinishAsync(Upload upload, int? batchId, string? refusal, CancellationToken cancellationToken = default)
    {
        var finished = upload with { BatchId = batchId, Refusal = refusal };
        await WriteAsync(finished, cancellationToken);
        File.Delete(ContentPath(upload.Token));
        return finished;
    }

    /// <summary>Uploads that were confirmed but whose import has not ended: after a restart their job may be gone.</summary>
    public async Task<IReadOnlyList<Upload>> UnfinishedAsync(CancellationToken cancellationToken = default)
    {
        if (!Directory.Exists(folder)) return [];
        var unfinished = new List<Upload>();
        foreach (var token in Directory.EnumerateFiles(folder, "*.json").Select(Path.GetFileNameWithoutExtension))
            if (await FindAsync(token!, cancellationToken) is { ConfirmedAtUtc: not null, Finished: false } upload && File.Exists(ContentPath(upload.Token)))
                unfinished.Add(upload);
        return unfinished;
    }

    /// <summary>Deletes every upload older than <see cref="KeptFor"/>, imported or not.</summary>
    public void RemoveExpired()
    {
        if (!Directory.Exists(folder)) return;
        var cutoff = clock.GetUtcNow().UtcDateTime - KeptFor;
        foreach (var path in Directory.EnumerateFiles(folder, "*.json"))
        {
            var token = Path.GetFileNameWithoutExtension(path);
            if (!TokenShape().IsMatch(token)) continue;
            try
            {
                var sidecar = JsonSerializer.Deserialize<Sidecar>(File.ReadAllText(path), Json);
                if (sidecar is null || sidecar.UploadedAtUtc.ToUniversalTime() < cutoff) Delete(token);
            }
            catch (Exception e) when (e is IOException or JsonException)
            {
                // Being written or read right now, or half-written by a crash: the next clean-up looks again.
            }
        }
    }

    private async Task WriteAsync(Upload upload, CancellationToken cancellationToken)
    {
        CreateFolder();
        // Written aside and moved into place, so a reader never sees half a sidecar.
        var pending = Path.Combine(folder, $"{upload.Token}.{Guid.NewGuid():N}.tmp");
        await using (var file = new FileStream(pending, Create()))
            await JsonSerializer.SerializeAsync(file, Sidecar.From(upload), Json, cancellationToken);
        File.Move(pending, SidecarPath(upload.Token), overwrite: true);
    }

    private void Delete(string token)
    {
        File.Delete(ContentPath(token));
        File.Delete(SidecarPath(token));
    }

    private void CreateFolder()
    {
        if (OperatingSystem.IsWindows()) Directory.CreateDirectory(folder);
        else Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    /// <summary>New files readable by the service's own account only, where the system allows saying so.</summary>
    private static FileStreamOptions Create()
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Options = FileOptions.Asynchronous };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        return options;
    }

    private string ContentPath(string token) => Path.Combine(folder, $"{token}.upload");

    private string SidecarPath(string token) => Path.Combine(folder, $"{token}.json");

    [GeneratedRegex("^[0-9a-f]{32}$")]
    private static partial Regex TokenShape();

    private sealed class Sidecar
    {
        public string FileName { get; set; } = "";
        public string EventSlug { get; set; } = "";
        public string? Kind { get; set; }
        public DateTime UploadedAtUtc { get; set; }
        public JsonNode? Mapping { get; set; }
        public DateTime? ConfirmedAtUtc { get; set; }
        public int? BatchId { get; set; }
        public string? Refusal { get; set; }

        public static Sidecar From(Upload upload) => new()
        {
            FileName = upload.FileName, EventSlug = upload.EventSlug, Kind = upload.Kind, UploadedAtUtc = upload.UploadedAtUtc,
            Mapping = upload.Mapping == ImportMapping.Empty ? null : JsonNode.Parse(upload.Mapping.ToJson()),
            ConfirmedAtUtc = upload.ConfirmedAtUtc, BatchId = upload.BatchId, Refusal = upload.Refusal,
        };

        public Upload ToUpload(string token) => new()
        {
            Token = token, FileName = FileName, EventSlug = EventSlug, Kind = Kind, UploadedAtUtc = UploadedAtUtc.ToUniversalTime(),
            Mapping = Mapping is null ? ImportMapping.Empty : ImportMapping.Parse(Mapping.ToJsonString()),
            ConfirmedAtUtc = ConfirmedAtUtc?.ToUniversalTime(),
            BatchId = BatchId, Refusal = Refusal,
        };
    }
}
