using System.CommandLine;
using System.Globalization;
using Analytics.Accounts;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Analytics.Cli;

/// <summary>
/// <c>analytics users</c>: the dashboard's accounts, from the command line — add, list, disable, enable, personal API
/// tokens, and the demo's one account per role. Every change is written to the access log.
/// </summary>
internal static class UsersCommand
{
    public static Command Create(CliContext context)
    {
        var db = new Option<string>("--db") { Description = "The accounts database (default: $ANALYTICS_ACCOUNTS_DB, else data/demo/accounts.db). The dashboard's setting Analytics:Accounts:Database names the same file.", DefaultValueFactory = _ => DefaultDatabase(), Recursive = true };
        var log = new Option<string?>("--access-log") { Description = "The access log (default: logs/access-audit.jsonl beside the database).", Recursive = true };
        var name = new Argument<string>("name") { Description = "The account's name (letters, digits, - . _ @)." };

        var role = new Option<string>("--role") { Description = $"One of {string.Join(", ", Roles.All)}.", Required = true };
        role.AcceptOnlyFromAmong([.. Roles.All]);
        var district = new Option<string?>("--district") { Description = "A district official's district: its 6-digit GB/T 2260 code (e.g. 500120)." };
        var passwordStdin = new Option<bool>("--password-stdin") { Description = "Read the password from standard input instead of generating one (12 characters or more, of four kinds)." };
        var add = new Command("add", "Add an account; prints its password once (generated unless --password-stdin).") { name, role, district, passwordStdin };
        add.SetAction(parse => Run(parse, db, log, async (store, audit) =>
        {
            var given = parse.GetValue(passwordStdin) ? context.Input.ReadLine() : null;
            var who = parse.GetValue(name)!;
            var password = await store.AddAsync(who, parse.GetValue(role)!, parse.GetValue(district), given).ConfigureAwait(false);
            audit.Write("account_added", who, "cli", detail: parse.GetValue(role) + (parse.GetValue(district) is { } d ? " " + d : ""));
            context.Console.MarkupLine($"Added [bold]{Markup.Escape(who)}[/] ({Markup.Escape(parse.GetValue(role)!)}).");
            if (given is null)
            {
                context.Console.MarkupLine($"Password (shown once): [bold]{Markup.Escape(password)}[/]");
            }
        }));

        var list = new Command("list", "List the accounts: role, district, disabled or locked, active tokens.");
        list.SetAction(parse => Run(parse, db, log, async (store, _) =>
        {
            var table = new Table().Border(TableBorder.Rounded).AddColumns("name", "role", "district", "state", "tokens", "created (UTC)");
            foreach (var a in await store.ListAsync().ConfigureAwait(false))
            {
                var state = a.Disabled ? "disabled" : a.LockedUntil is { } until ? $"locked until {until:yyyy-MM-dd HH:mm}" : "active";
                table.AddRow(Markup.Escape(a.Name), a.Role, a.District ?? "", state, a.ActiveTokens.ToString(CultureInfo.InvariantCulture), a.CreatedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));
            }

            context.Console.Write(table);
        }));

        var disable = new Command("disable", "Disable an account: it cannot sign in, its sessions end, its tokens stop working.") { name };
        disable.SetAction(parse => Run(parse, db, log, async (store, audit) =>
        {
            await store.DisableAsync(parse.GetValue(name)!).ConfigureAwait(false);
            audit.Write("account_disabled", parse.GetValue(name), "cli");
            context.Console.MarkupLine($"Disabled [bold]{Markup.Escape(parse.GetValue(name)!)}[/].");
        }));

        var enable = new Command("enable", "Enable a disabled or locked account.") { name };
        enable.SetAction(parse => Run(parse, db, log, async (store, audit) =>
        {
            await store.EnableAsync(parse.GetValue(name)!).ConfigureAwait(false);
            audit.Write("account_enabled", parse.GetValue(name), "cli");
            context.Console.MarkupLine($"Enabled [bold]{Markup.Escape(parse.GetValue(name)!)}[/].");
        }));

        var newRole = new Option<string>("--role") { Description = $"One of {string.Join(", ", Roles.All)}.", Required = true };
        newRole.AcceptOnlyFromAmong([.. Roles.All]);
        var setRole = new Command("role", "Give an account another role (a district official with --district); its sessions end, its tokens act in the new role.") { name, newRole, district };
        setRole.SetAction(parse => Run(parse, db, log, async (store, audit) =>
        {
            await store.SetRoleAsync(parse.GetValue(name)!, parse.GetValue(newRole)!, parse.GetValue(district)).ConfigureAwait(false);
            audit.Write("role_changed", parse.GetValue(name), "cli", detail: parse.GetValue(newRole) + (parse.GetValue(district) is { } d ? " " + d : ""));
            context.Console.MarkupLine($"[bold]{Markup.Escape(parse.GetValue(name)!)}[/] is now {Markup.Escape(parse.GetValue(newRole)!)}.");
        }));

        var label = new Option<string>("--label") { Description = "What the token is for.", DefaultValueFactory = _ => "token" };
        var days = new Option<int>("--days") { Description = "Days until the token expires.", DefaultValueFactory = _ => 90 };
        days.Validators.Add(r => { if (r.GetValueOrDefault<int>() is < 1 or > 3650) { r.AddError("--days must be 1 to 3650."); } });
        var token = new Command("token", "Make a personal API token (Authorization: Bearer ak_…); prints it once, keeps only its hash.") { name, label, days };
        token.SetAction(parse => Run(parse, db, log, async (store, audit) =>
        {
            var value = await store.CreateTokenAsync(parse.GetValue(name)!, parse.GetValue(label)!, TimeSpan.FromDays(parse.GetValue(days))).ConfigureAwait(false);
            audit.Write("token_created", parse.GetValue(name), "cli", detail: value[..11]);
            context.Console.MarkupLine($"Token for [bold]{Markup.Escape(parse.GetValue(name)!)}[/] (shown once; expires in {parse.GetValue(days)} days):");
            context.Output.WriteLine(value);
        }));

        var tokens = new Command("tokens", "List an account's tokens (their first characters, never the tokens).") { name };
        tokens.SetAction(parse => Run(parse, db, log, async (store, _) =>
        {
            var table = new Table().Border(TableBorder.Rounded).AddColumns("token", "label", "created (UTC)", "expires (UTC)", "revoked");
            foreach (var t in await store.TokensAsync(parse.GetValue(name)!).ConfigureAwait(false))
            {
                table.AddRow(t.Prefix + "…", Markup.Escape(t.Label), Day(t.CreatedAt), Day(t.ExpiresAt), t.RevokedAt is { } r ? Day(r) : "");
            }

            context.Console.Write(table);
        }));

        var prefix = new Argument<string>("token") { Description = "The token, or its first characters as 'tokens' lists them." };
        var revoke = new Command("revoke", "Revoke one of an account's tokens.") { name, prefix };
        revoke.SetAction(parse => Run(parse, db, log, async (store, audit) =>
        {
            var start = parse.GetValue(prefix)!.TrimEnd('…');
            await store.RevokeTokenAsync(parse.GetValue(name)!, start.Length > 11 ? start[..11] : start).ConfigureAwait(false);
            audit.Write("token_revoked", parse.GetValue(name), "cli", detail: start.Length > 11 ? start[..11] : start);
            context.Console.MarkupLine($"Revoked [bold]{Markup.Escape(parse.GetValue(name)!)}[/]'s token {Markup.Escape(start)}….");
        }));

        var file = new Option<string?>("--out") { Description = "Where to write the demo accounts (default: demo-accounts.txt beside the database)." };
        var demo = new Command("demo", "On the demo data: make one account per role (viewer, district for 500120, analyst, admin) unless accounts exist, print them once and write them to a file.") { file };
        demo.SetAction(parse => Run(parse, db, log, async (store, audit) =>
        {
            var target = parse.GetValue(file) ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(parse.GetValue(db)!))!, "demo-accounts.txt");
            if (await DemoAccounts.CreateAsync(store, target).ConfigureAwait(false) is { } text)
            {
                foreach (var (who, r, d) in DemoAccounts.Accounts)
                {
                    audit.Write("account_added", who, "cli", detail: r + (d is null ? "" : " " + d));
                }

                context.Console.MarkupLine($"Demo accounts (shown once; also in [bold]{Markup.Escape(target)}[/]):");
                context.Console.WriteLine(text);
            }
            else
            {
                context.Console.MarkupLine($"Accounts exist already; the demo's are in [bold]{Markup.Escape(target)}[/] if it made them.");
            }
        }));

        return new Command("users", "Manage the dashboard's accounts: add, list, role, disable, enable, API tokens (token, tokens, revoke), demo.")
        {
            db, log, add, list, setRole, disable, enable, token, tokens, revoke, demo,
        };
    }

    public static string DefaultDatabase() =>
        Environment.GetEnvironmentVariable("ANALYTICS_ACCOUNTS_DB") is { Length: > 0 } configured
            ? configured
            : Path.Combine(DataPaths.DefaultRoot, "accounts.db");

    private static string Day(DateTimeOffset at) => at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static int Run(ParseResult parse, Option<string> db, Option<string?> log, Func<AccountStore, AccessLog, Task> body) => CommandRunner.Run(parse, () =>
    {
        var database = Path.GetFullPath(parse.GetValue(db)!);
        var audit = new AccessLog(parse.GetValue(log) ?? Path.Combine(Path.GetDirectoryName(database)!, "logs", "access-audit.jsonl"));
        using var services = AccountsSetup.Standalone(database);
        using var scope = services.CreateScope();
        try
        {
            body(scope.ServiceProvider.GetRequiredService<AccountStore>(), audit).GetAwaiter().GetResult();
            return ExitCodes.Ok;
        }
        catch (AccountException ex)
        {
            throw new CliFailure(ExitCodes.Usage, ex.Message);
        }
    });
}
