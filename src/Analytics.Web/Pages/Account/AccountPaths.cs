namespace Analytics.Web.Pages.Account;

public static class AccountPaths
{
    public const string Login = "/konto/logga-in";
    public const string Logout = "/konto/logga-ut";
    public const string Password = "/konto/losenord";
}
