using System.Security.Cryptography;
using Analytics.Core.Audit;
using Analytics.Data;
using Analytics.Data.Accounts;
using Analytics.Data.Configuration;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Analytics.Web.Accounts;

/// <summary>
/// Only in Development on the embedded default, and only while there are no accounts at all: one demo account per role,
/// each with a fresh random password printed once to the console. No password exists in the repository or a build.
/// </summary>
public static class DemoAccounts
{
    public static async Task SeedDemoAccountsAsync(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment() || !app.Services.GetRequiredService<DatabaseSettings>().IsEmbeddedDefault) return;
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AnalyticsUser>>();
        if (await users.Users.AnyAsync()) return;

        var db = scope.ServiceProvider.GetRequiredService<AnalyticsDbContext>();
        var store = scope.ServiceProvider.GetRequiredService<AccountStore>();
        // The demo organiser works for the host organisation with the most events, so it has something to import for.
        var host = await db.EventHosts.GroupBy(h => h.OrganisationId).OrderByDescending(g => g.Count()).ThenBy(g => g.Key)
            .Select(g => (int?)g.Key).FirstOrDefaultAsync();
        var lines = new List<string>();
        foreach (var role in Roles.All)
        {
            var email = $"{role.ToLowerInvariant()}@demo.invalid";
            var password = NewPassword();
            var organisations = role == Roles.Organiser && host is { } id ? new[] { id } : null;
            var (user, errors) = await store.CreateAsync(email, role, password, AuditActors.System, organisations);
            if (user is not null) lines.Add($"  {role,-10} {email,-28} {password}");
            else lines.Add($"  {role,-10} {email,-28} not created: {string.Join(" ", errors)}");
        }
        // Written straight to the console, not to the log: a log may be shipped elsewhere, the console is the developer's.
        Console.WriteLine("Demo accounts for Development (shown once; they stay in the local database):");
        foreach (var line in lines) Console.WriteLine(line);
    }

    /// <summary>24 characters from a 56-letter alphabet without look-alikes: about 139 bits.</summary>
    public static string NewPassword()
    {
        const string alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        return RandomNumberGenerator.GetString(alphabet, 24);
    }
}
