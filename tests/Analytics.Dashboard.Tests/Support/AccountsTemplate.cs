namespace Analytics.Dashboard.Tests.Support;

/// <summary>
/// The fixture accounts (<see cref="FixtureAccounts"/>) made once per test process and copied for each dashboard:
/// hashing their passwords takes about a second per database, and every factory needs a database of its own to change.
/// </summary>
public static class AccountsTemplate
{
    private static readonly Lazy<Made> Template = new(Make, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Copies the accounts database to <paramref name="database"/>; returns each role's API token.</summary>
    public static IReadOnlyDictionary<string, string> CopyTo(string database)
    {
        var made = Template.Value;
        File.Copy(made.Database, database, overwrite: true);
        if (File.Exists(made.Database + "-wal"))
        {
            File.Copy(made.Database + "-wal", database + "-wal", overwrite: true);
        }

        return made.Tokens;
    }

    private static Made Make()
    {
        var folder = TempFolder.Create();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Delete(folder);
        var database = Path.Combine(folder, "accounts.db");
        return new Made(database, FixtureAccounts.Create(database));
    }

    private static void Delete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    private sealed record Made(string Database, IReadOnlyDictionary<string, string> Tokens);
}
