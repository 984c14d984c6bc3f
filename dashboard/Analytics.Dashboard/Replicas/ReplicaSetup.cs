using Analytics.Dashboard.Accounts;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;

namespace Analytics.Dashboard.Replicas;

/// <summary>
/// Makes one dashboard process one of several behind a balancer: shared data-protection keys (cookies and antiforgery
/// tokens valid on every replica), a graceful stop (SIGTERM: stop taking requests, finish those in flight), and the
/// client's address from the balancer's <c>X-Forwarded-For</c> when the balancer is on loopback.
/// </summary>
internal static class ReplicaSetup
{
    /// <summary>The name every replica protects data under (the default is the content root, which differs between installs).</summary>
    public const string ApplicationName = "Analytics.Dashboard";

    public static WebApplicationBuilder AddReplicaSupport(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(ReplicaOptions.Section).Get<ReplicaOptions>() ?? new ReplicaOptions();
        builder.Services.Configure<ReplicaOptions>(builder.Configuration.GetSection(ReplicaOptions.Section));
        var keys = KeysFolder(builder, options);
        Directory.CreateDirectory(keys);
        builder.Services.AddDataProtection().SetApplicationName(ApplicationName).PersistKeysToFileSystem(new DirectoryInfo(keys));
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(Math.Max(1, options.ShutdownSeconds)));

        // Only a balancer on this machine is believed (the defaults: loopback proxies); its address is not the client's.
        builder.Services.Configure<ForwardedHeadersOptions>(o => o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto);
        return builder;
    }

    /// <summary>The data-protection key folder: the setting, or <c>keys</c> beside the accounts database.</summary>
    public static string KeysFolder(WebApplicationBuilder builder, ReplicaOptions options)
    {
        var root = builder.Environment.ContentRootPath;
        if (!string.IsNullOrWhiteSpace(options.DataProtectionKeys))
        {
            return Path.GetFullPath(options.DataProtectionKeys, root);
        }

        var accounts = builder.Configuration.GetSection(AccountsOptions.Section).Get<AccountsOptions>() ?? new AccountsOptions();
        return Path.Combine(Path.GetDirectoryName(Path.GetFullPath(accounts.Database, root))!, "keys");
    }
}
