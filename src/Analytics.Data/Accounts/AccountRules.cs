using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Data.Accounts;

/// <summary>The password and lockout rules, shared by the web app and the command line so both refuse the same passwords.</summary>
public static class AccountRules
{
    public const int MinimumPasswordLength = 12;
    public const int MaxFailedAttempts = 5;
    public static readonly TimeSpan LockoutTime = TimeSpan.FromMinutes(15);

    public static void Configure(IdentityOptions o)
    {
        // Length over character classes (NIST SP 800-63B): a long passphrase beats a short password with a digit.
        o.Password.RequiredLength = MinimumPasswordLength;
        o.Password.RequireDigit = false;
        o.Password.RequireLowercase = false;
        o.Password.RequireUppercase = false;
        o.Password.RequireNonAlphanumeric = false;
        o.Password.RequiredUniqueChars = 4;
        o.Lockout.AllowedForNewUsers = true;
        o.Lockout.MaxFailedAccessAttempts = MaxFailedAttempts;
        o.Lockout.DefaultLockoutTimeSpan = LockoutTime;
        o.User.RequireUniqueEmail = true;
    }
}

/// <summary>Registration of the account services for hosts without the web login (the command line).</summary>
public static class AccountServiceCollection
{
    public static IServiceCollection AddAccountStore(this IServiceCollection services)
    {
        services.AddIdentityCore<AnalyticsUser>(AccountRules.Configure)
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AnalyticsDbContext>();
        services.AddScoped<AccountStore>();
        return services;
    }
}
