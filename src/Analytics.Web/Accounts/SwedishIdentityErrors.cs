using Analytics.Data.Accounts;
using Microsoft.AspNetCore.Identity;

namespace Analytics.Web.Accounts;

/// <summary>Identity's refusals in Swedish, for the pages; the command line keeps Identity's English.</summary>
public sealed class SwedishIdentityErrors : IdentityErrorDescriber
{
    public override IdentityError PasswordMismatch() => new() { Code = nameof(PasswordMismatch), Description = "Det nuvarande lösenordet stämmer inte." };
    public override IdentityError PasswordTooShort(int length) => new() { Code = nameof(PasswordTooShort), Description = $"Lösenordet måste ha minst {length} tecken." };
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) =>
        new() { Code = nameof(PasswordRequiresUniqueChars), Description = $"Lösenordet måste innehålla minst {uniqueChars} olika tecken." };
    public override IdentityError DuplicateEmail(string email) => new() { Code = nameof(DuplicateEmail), Description = "Det finns redan ett konto med den e-postadressen." };
    public override IdentityError DuplicateUserName(string userName) => new() { Code = nameof(DuplicateUserName), Description = "Det finns redan ett konto med den e-postadressen." };
    public override IdentityError InvalidEmail(string? email) => new() { Code = nameof(InvalidEmail), Description = "E-postadressen är inte giltig." };
    public override IdentityError DefaultError() => new() { Code = nameof(DefaultError), Description = "Det gick inte att spara ändringen." };
}
