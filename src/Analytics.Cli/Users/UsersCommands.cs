using System.CommandLine;
using Analytics.Cli.Hosting;
using Analytics.Core.Audit;
using Analytics.Data;
using Analytics.Data.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Analytics.Cli.Users;

/// <summary>
/// `analytics users add EMAIL --role admin --password-stdin`: how the first admin is made. The password is read from
/// standard input, never from the arguments (which other users of the machine can see in the process list), and no
/// default password exists.
/// </summary>
internal static class UsersCommands
{
    public static Command Create(CliHost host) => new("users", "Adds staff accounts (admin, organiser, steering).") { AddCommand(host) };

    private static Command AddCommand(CliHost host)
    {
        var email = new Argument<string>("email") { Description = "The account's e-mail address, which is also its login." };
        var role = new Option<string>("--role") { Description = "admin, organiser or steering.", Required = true };
        role.AcceptOnlyFromAmong("admin", "organiser", "steering");
        var organisations = new Option<string[]>("--organisation")
        {
            Description = "For an organiser: a host organisation it works for, named as in the organisation catalogue; repeat for each.",
        };
        var passwordStdin = new Option<bool>("--password-stdin") { Description = "Read the password from the first line of standard input." };
        var command = new Command("add", "Adds an account with a role.") { email, role, organisations, passwordStdin };
        host.SetAction<AddUser>(command, (handler, r, ct) =>
            handler.RunAsync(r.GetValue(email)!, r.GetValue(role)!, r.GetValue(organisations) ?? [], r.GetValue(passwordStdin), ct));
        return command;
    }
}

internal sealed class AddUser(AccountStore accounts, AnalyticsDbContext db, CliOutput output)
{
    public async Task<int> RunAsync(string email, string role, IReadOnlyList<string> organisationNames, bool passwordStdin, CancellationToken cancellationToken)
    {
        if (!passwordStdin)
        {
            await output.Error.WriteLineAsync("Give the password on standard input with --password-stdin, for example: read -rs P && printf '%s\\n' \"$P\" | analytics users add ... --password-stdin");
            return ExitCodes.Usage;
        }
        var password = (await output.In.ReadLineAsync(cancellationToken))?.TrimEnd('\r');
        if (string.IsNullOrEmpty(password))
        {
            await output.Error.WriteLineAsync("No password was given on standard input.");
            return ExitCodes.Rejected;
        }
        var canonical = Roles.Parse(role)!;
        if (canonical != Roles.Organiser && organisationNames.Count > 0)
        {
            await output.Error.WriteLineAsync("--organisation is only for organisers.");
            return ExitCodes.Usage;
        }
        var organisations = new List<int>();
        foreach (var name in organisationNames)
        {
            if (await db.Organisations.Where(o => o.Name == name).Select(o => (int?)o.Id).SingleOrDefaultAsync(cancellationToken) is { } id) organisations.Add(id);
            else
            {
                await output.Error.WriteLineAsync($"No organisation is named '{name}' in the catalogue.");
                return ExitCodes.Rejected;
            }
        }
        var (user, errors) = await accounts.CreateAsync(email.Trim(), canonical, password, AuditActors.System, organisations, cancellationToken);
        if (user is null)
        {
            foreach (var error in errors) await output.Error.WriteLineAsync(error);
            return ExitCodes.Rejected;
        }
        await output.Out.WriteLineAsync($"Added {user.Email} as {canonical}" +
            (organisations.Count > 0 ? $" for {string.Join(", ", organisationNames)}." : "."));
        return ExitCodes.Ok;
    }
}
