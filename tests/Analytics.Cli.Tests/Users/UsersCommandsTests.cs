using Analytics.Core.Audit;
using Analytics.Data.Accounts;
using Analytics.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Analytics.Cli.Tests.Users;

/// <summary>`analytics users add`: the first admin, with the password on standard input and no default anywhere.</summary>
public sealed class UsersCommandsTests
{
    private static Task<CliRun> AddAsync(CliSandbox cli, string stdin, params string[] args) =>
        cli.RunWithInputAsync(stdin, ["users", "add", .. args]);

    [Theory, DatabaseProviders]
    public async Task Adds_the_first_admin_with_the_password_from_standard_input(string provider)
    {
        await using var cli = await CliSandbox.CreateAsync(provider);
        await cli.SucceedsAsync("db", "migrate");

        var run = await AddAsync(cli, "ett langt losenord for admin\n", "admin@example.se", "--role", "admin", "--password-stdin");

        run.ExitCode.ShouldBe(0, run.ToString());
        run.Out.ShouldBe("Added admin@example.se as Admin.\n");
        await using var db = cli.OpenDatabase();
        var user = await db.Users.SingleAsync();
        user.Email.ShouldBe("admin@example.se");
        new PasswordHasher<AnalyticsUser>().VerifyHashedPassword(user, user.PasswordHash!, "ett langt losenord for admin")
            .ShouldNotBe(PasswordVerificationResult.Failed);
        (await db.UserRoles.CountAsync(r => r.UserId == user.Id)).ShouldBe(1);
        (await db.AuditEntries.Where(a => a.Subject == user.Id).Select(a => a.Action).ToListAsync())
            .ShouldBe([AuditActions.UserCreated, AuditActions.RoleChanged]);
    }

    [Theory, DatabaseProviders]
    public async Task Refuses_a_short_password_and_a_missing_one(string provider)
    {
        await using var cli = await CliSandbox.CreateAsync(provider);
        await cli.SucceedsAsync("db", "migrate");

        var shortOne = await AddAsync(cli, "kort\n", "admin@example.se", "--role", "admin", "--password-stdin");
        var none = await AddAsync(cli, "", "admin@example.se", "--role", "admin", "--password-stdin");
        var withoutOption = await AddAsync(cli, "ett langt losenord for admin\n", "admin@example.se", "--role", "admin");

        shortOne.ExitCode.ShouldBe(1);
        shortOne.Error.ShouldContain("at least 12 characters");
        none.ExitCode.ShouldBe(1);
        none.Error.ShouldContain("No password was given on standard input.");
        withoutOption.ExitCode.ShouldBe(2);
        withoutOption.Error.ShouldContain("--password-stdin");
        await using var db = cli.OpenDatabase();
        (await db.Users.CountAsync()).ShouldBe(0);
    }

    [Theory, DatabaseProviders]
    public async Task Ties_an_organiser_to_its_host_organisations(string provider)
    {
        await using var cli = await CliSandbox.CreateAsync(provider);
        await cli.SucceedsAsync("db", "migrate");
        await using (var db = cli.OpenDatabase())
        {
            await using var csv = File.OpenRead(SampleData.Organisations);
            (await new Analytics.Ingest.Catalogue.CatalogueImporter(db).ImportOrganisationsAsync(csv)).Errors.ShouldBeEmpty();
        }

        var run = await AddAsync(cli, "ett langt losenord for organisatoren\n", "arr@example.se", "--role", "organiser",
            "--organisation", "Göteborgs Stad", "--password-stdin");
        var unknown = await AddAsync(cli, "ett langt losenord for organisatoren\n", "arr2@example.se", "--role", "organiser",
            "--organisation", "Finns Inte AB", "--password-stdin");

        run.ExitCode.ShouldBe(0, run.ToString());
        unknown.ExitCode.ShouldBe(1);
        unknown.Error.ShouldContain("No organisation is named 'Finns Inte AB'");
        await using var check = cli.OpenDatabase();
        var links = await check.OrganiserOrganisations.ToListAsync();
        links.Count.ShouldBe(1);
        (await check.Organisations.SingleAsync(o => o.Id == links[0].OrganisationId)).Name.ShouldBe("Göteborgs Stad");
    }
}
