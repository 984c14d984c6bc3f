using System.CommandLine;
using System.Globalization;
using Analytics.Accounts;
using Analytics.Delivery;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Analytics.Cli;

/// <summary>
/// <c>analytics subscriptions</c>: the briefs and alerts that come to readers (the same rules as the dashboard's
/// subscriptions page) — add, list, remove, the delivery log, and resend of a delivery that did not arrive.
/// </summary>
internal static class SubscriptionsCommand
{
    public static Command Create(CliContext context)
    {
        var db = new Option<string>("--db") { Description = "The delivery database (default: $ANALYTICS_DELIVERY_DB, else data/demo/delivery.db). The dashboard's setting Analytics:Delivery:Database names the same file (by default delivery.db beside the accounts database).", DefaultValueFactory = _ => DefaultDatabase(), Recursive = true };
        var accounts = new Option<string>("--accounts") { Description = "The accounts database the subscriber must be in (default: as 'analytics users --db').", DefaultValueFactory = _ => UsersCommand.DefaultDatabase(), Recursive = true };

        var user = new Argument<string>("user") { Description = "The account it is for: what it may see decides what the brief and alerts contain." };
        var brief = new Option<string>("--brief") { Description = "plan (the plan's overview) or district (one district against its city).", Required = true };
        brief.AcceptOnlyFromAmong(BriefKinds.Plan, BriefKinds.District);
        var plan = new Option<string>("--plan") { Description = "The plan, e.g. CQ2013.", Required = true };
        var district = new Option<string?>("--district") { Description = "A district brief's district: its 6-digit GB/T 2260 code (e.g. 500120)." };
        var language = new Option<string>("--lang") { Description = "zh or en.", DefaultValueFactory = _ => "zh" };
        language.AcceptOnlyFromAmong("zh", "en");
        var cron = new Option<string?>("--cron") { Description = "A schedule of five cron fields (minute hour day month weekday), e.g. \"0 8 * * 1\" for Mondays at 8:00." };
        var zone = new Option<string>("--time-zone") { Description = "The schedule's time zone (IANA).", DefaultValueFactory = _ => SubscriptionStore.DefaultTimeZone };
        var onPublish = new Option<bool>("--on-publish") { Description = "Send the brief after each new snapshot is published." };
        var alerts = new Option<bool>("--alerts") { Description = "Send an alert when a new snapshot changes a status the brief covers." };
        var email = new Option<string?>("--email") { Description = "Send it to this e-mail address." };
        var folder = new Option<string?>("--folder") { Description = "Write the PDFs to this folder (an absolute path, e.g. a share) instead." };
        var snapshot = new Option<string>("--snapshot") { Description = "The snapshot (file or folder) whose plans and districts the subscription is checked against; skipped with a warning when the default has none published.", DefaultValueFactory = _ => new DataPaths(DataPaths.DefaultRoot).Snapshots };
        var add = new Command("add", "Subscribe an account to a brief, on a schedule, after each publish and/or to alerts; prints the subscription's id.")
        {
            user, brief, plan, district, language, cron, zone, onPublish, alerts, email, folder, snapshot,
        };
        add.SetAction(parse => Run(parse, db, async store =>
        {
            var (to, address) = (parse.GetValue(email), parse.GetValue(folder)) switch
            {
                ({ } e, null) => (DeliveryTargets.Email, e),
                (null, { } f) => (DeliveryTargets.Folder, f),
                _ => throw new CliFailure(ExitCodes.Usage, "give --email ADDRESS or --folder PATH (one of them)."),
            };
            var request = new SubscriptionRequest(parse.GetValue(user)!, parse.GetValue(brief)!, parse.GetValue(plan)!, parse.GetValue(district),
                parse.GetValue(language)!, parse.GetValue(cron), parse.GetValue(zone), parse.GetValue(onPublish), parse.GetValue(alerts), to, address);
            SubscriptionStore.Check(request, plans: null);
            // Under the account's own spelling of its name: the dashboard lists a reader's subscriptions by it.
            request = request with { UserName = await CheckAccountAsync(Path.GetFullPath(parse.GetValue(accounts)!), request).ConfigureAwait(false) };
            var explicitSnapshot = parse.GetResult(snapshot) is { Implicit: false };
            var plans = SubscriptionPlans.Read(parse.GetValue(snapshot)!, explicitSnapshot, context.Error);
            var made = await store.AddAsync(request, plans).ConfigureAwait(false);
            context.Console.MarkupLine($"Subscription [bold]{made.Id}[/]: {Markup.Escape(Describe(made))} for [bold]{Markup.Escape(made.UserName)}[/] to {Markup.Escape(made.Address)}.");
        }));

        var owner = new Argument<string?>("user") { Description = "Only this account's subscriptions.", Arity = ArgumentArity.ZeroOrOne };
        var list = new Command("list", "List the active subscriptions: brief, language, when, where.") { owner };
        list.SetAction(parse => Run(parse, db, async store =>
        {
            var table = new Table().Border(TableBorder.Rounded).AddColumns("id", "user", "brief", "plan", "district", "lang", "schedule", "on publish", "alerts", "target", "address", "created (UTC)");
            foreach (var s in await store.ListAsync(parse.GetValue(owner)).ConfigureAwait(false))
            {
                table.AddRow(N(s.Id), Markup.Escape(s.UserName), s.Brief, Markup.Escape(s.Plan), s.District ?? "", s.Language,
                    Markup.Escape(s.Cron is { } c ? $"{c} ({s.TimeZone})" : ""), YesNo(s.OnPublish), YesNo(s.Alerts), s.Target, Markup.Escape(s.Address), At(s.CreatedAt));
            }

            context.Console.Write(table);
        }));

        var id = new Argument<int>("id") { Description = "The subscription's id, as 'list' shows it." };
        var remove = new Command("remove", "End a subscription; its deliveries not yet sent are cancelled.") { id };
        remove.SetAction(parse => Run(parse, db, async store =>
        {
            await store.RemoveAsync(parse.GetValue(id)).ConfigureAwait(false);
            context.Console.MarkupLine($"Ended subscription [bold]{parse.GetValue(id)}[/].");
        }));

        var limit = new Option<int>("--limit") { Description = "How many deliveries, newest first.", DefaultValueFactory = _ => 50 };
        limit.Validators.Add(r => { if (r.GetValueOrDefault<int>() is < 1 or > 10_000) { r.AddError("--limit must be 1 to 10000."); } });
        var log = new Command("log", "The delivery log, newest first: each brief and alert decided, its state, attempts and last error.") { limit };
        log.SetAction(parse => Run(parse, db, async store =>
        {
            var table = new Table().Border(TableBorder.Rounded).AddColumns("id", "subscription", "kind", "snapshot", "occasion", "state", "attempts", "last error", "sent (UTC)");
            foreach (var d in await store.LogAsync(limit: parse.GetValue(limit)).ConfigureAwait(false))
            {
                table.AddRow(d.Id.ToString(CultureInfo.InvariantCulture), N(d.SubscriptionId), d.Kind, Markup.Escape(d.Snapshot), Markup.Escape(d.Occasion), d.State,
                    N(d.Attempts), Markup.Escape(d.LastError ?? ""), d.SentAt is { } sent ? At(sent) : "");
            }

            context.Console.Write(table);
        }));

        var delivery = new Argument<long>("id") { Description = "The delivery's id, as 'log' shows it." };
        var resend = new Command("resend", "Send an unconfirmed or failed delivery again (after checking it did not arrive).") { delivery };
        resend.SetAction(parse => Run(parse, db, async store =>
        {
            await store.ResendAsync(parse.GetValue(delivery)).ConfigureAwait(false);
            context.Console.MarkupLine($"Delivery [bold]{parse.GetValue(delivery)}[/] will be sent again by the dashboard's next delivery round.");
        }));

        return new Command("subscriptions", "Briefs and alerts that come to readers by e-mail or to a folder: add, list, remove, log (the deliveries), resend.")
        {
            db, accounts, add, list, remove, log, resend,
        };
    }

    public static string DefaultDatabase() =>
        Environment.GetEnvironmentVariable("ANALYTICS_DELIVERY_DB") is { Length: > 0 } configured
            ? configured
            : Path.Combine(DataPaths.DefaultRoot, "delivery.db");

    /// <summary>
    /// The subscriber must be an enabled account; a district official may have only their own district's district
    /// brief. Returns the account's name as the accounts database spells it.
    /// </summary>
    private static async Task<string> CheckAccountAsync(string database, SubscriptionRequest request)
    {
        if (!File.Exists(database))
        {
            throw new CliFailure(ExitCodes.Usage, $"there is no accounts database at '{database}' (give --accounts, or add accounts with 'analytics users').");
        }

        using var services = AccountsSetup.Standalone(database);
        using var scope = services.CreateScope();
        var account = (await scope.ServiceProvider.GetRequiredService<AccountStore>().ListAsync().ConfigureAwait(false))
            .FirstOrDefault(a => string.Equals(a.Name, request.UserName.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new CliFailure(ExitCodes.Usage, $"there is no account '{request.UserName}' in '{database}' (see 'analytics users list').");
        if (account.Disabled)
        {
            throw new CliFailure(ExitCodes.Usage, $"account '{account.Name}' is disabled; enable it first ('analytics users enable {account.Name}').");
        }

        if (account.Role == Roles.District && request.Brief == BriefKinds.District && request.District != account.District)
        {
            throw new CliFailure(ExitCodes.Usage, $"'{account.Name}' is the district official of {account.District}: a district brief of {request.District} is not theirs to receive.");
        }

        return account.Name;
    }

    private static string Describe(Subscription s)
    {
        var when = new List<string>();
        if (s.Cron is { } c)
        {
            when.Add($"'{c}' ({s.TimeZone})");
        }

        if (s.OnPublish)
        {
            when.Add("after each publish");
        }

        if (s.Alerts)
        {
            when.Add("alerts");
        }

        return $"{s.Brief} brief of {s.Plan}{(s.District is { } d ? " " + d : "")} in {s.Language}, {string.Join(", ", when)}";
    }

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string YesNo(bool value) => value ? "yes" : "";

    private static string At(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static int Run(ParseResult parse, Option<string> db, Func<SubscriptionStore, Task> body) => CommandRunner.Run(parse, () =>
    {
        try
        {
            using var context = DeliveryDbContext.Open(Path.GetFullPath(parse.GetValue(db)!));
            body(new SubscriptionStore(context)).GetAwaiter().GetResult();
            return ExitCodes.Ok;
        }
        catch (SubscriptionException ex)
        {
            throw new CliFailure(ExitCodes.Usage, ex.Message);
        }
    });
}
