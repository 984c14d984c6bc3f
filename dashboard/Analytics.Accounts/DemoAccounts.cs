using System.Globalization;
using System.Text;

namespace Analytics.Accounts;

/// <summary>
/// One account per role on the demo data, so a newcomer can try each: made once, with generated passwords, written to
/// a file (<c>name password role [district]</c> a line, <c>#</c> comments) and printed once. A real deployment has none.
/// </summary>
public static class DemoAccounts
{
    /// <summary>The district the demo's district official serves: 璧山区 (Bishan), a Chongqing district of the demo.</summary>
    public const string DemoDistrict = "500120";

    /// <summary>The demo accounts, by role.</summary>
    public static IReadOnlyList<(string Name, string Role, string? District)> Accounts { get; } =
    [
        ("viewer", Roles.Viewer, null),
        ("district", Roles.District, DemoDistrict),
        ("analyst", Roles.Analyst, null),
        ("admin", Roles.Admin, null),
    ];

    /// <summary>
    /// Makes the demo accounts in <paramref name="store"/> and writes <paramref name="file"/>, unless accounts exist
    /// already; returns the file's text when it made them, or null.
    /// </summary>
    public static async Task<string?> CreateAsync(AccountStore store, string file)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (await store.AnyAsync().ConfigureAwait(false))
        {
            return null;
        }

        var text = new StringBuilder();
        text.AppendLine("# Demo accounts of the Analytics dashboard (demo data only; a real deployment starts with none).");
        text.AppendLine("# name password role [district]");
        foreach (var (name, role, district) in Accounts)
        {
            var password = await store.AddAsync(name, role, district).ConfigureAwait(false);
            text.AppendLine(CultureInfo.InvariantCulture, $"{name} {password} {role}{(district is null ? "" : " " + district)}");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
        await File.WriteAllTextAsync(file, text.ToString()).ConfigureAwait(false);
        return text.ToString();
    }
}
