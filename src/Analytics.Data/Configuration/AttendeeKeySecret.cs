using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;

namespace Analytics.Data.Configuration;

/// <summary>
/// The deployment secret behind attendee keys. It lives outside the database, so a copy of the database alone cannot
/// link keys to identifiers: Privacy:AttendeeKeySecret (base64), or a key file that the embedded default creates.
/// </summary>
public static class AttendeeKeySecret
{
    public static byte[] Load(IConfiguration configuration, DatabaseSettings database)
    {
        if (configuration["Privacy:AttendeeKeySecret"] is { Length: > 0 } configured)
        {
            try
            {
                var secret = Convert.FromBase64String(configured);
                if (secret.Length >= 32) return secret;
            }
            catch (FormatException)
            {
            }
            throw new ConfigurationProblem(DataMessages.Say("Privacy:AttendeeKeySecret ska vara minst 32 slumpmässiga byte i base64 (till exempel från `openssl rand -base64 32`)."));
        }

        var keyFile = configuration["Privacy:KeyFile"] is { Length: > 0 } path
            ? Path.GetFullPath(path)
            : Path.Combine(database.DataFolder, "attendee-key.secret");
        if (File.Exists(keyFile))
        {
            var secret = File.ReadAllBytes(keyFile);
            if (secret.Length < 32)
                throw new ConfigurationProblem(DataMessages.Say("Nyckelfilen {0} är för kort; den ska innehålla minst 32 slumpmässiga byte.", keyFile));
            return secret;
        }
        if (!database.IsEmbeddedDefault && configuration["Privacy:KeyFile"] is null)
            throw new ConfigurationProblem(DataMessages.Say(
                "Ingen nyckel för deltagarnycklar är angiven; sätt Privacy:AttendeeKeySecret eller Privacy:KeyFile (se README, produktionschecklistan)."));

        Directory.CreateDirectory(Path.GetDirectoryName(keyFile)!);
        var created = RandomNumberGenerator.GetBytes(32);
        File.WriteAllBytes(keyFile, created);
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(keyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return created;
    }
}
