using System.Data;
using System.Data.Common;
using System.Text.Json;

namespace Analytics.DuckDb.Tests;

public sealed class EngineAndFactoryTests
{
    [Fact]
    public void The_loaded_engine_is_the_pinned_version()
    {
        Assert.Equal(DuckDbEngine.PinnedVersion, DuckDbEngine.Version);
        using var connection = Sql.OpenMemory();
        Assert.Equal(DuckDbEngine.PinnedVersion, connection.ServerVersion);
        Assert.Equal(DuckDbEngine.PinnedVersion, connection.Scalar("SELECT library_version FROM pragma_version()"));
    }

    [Fact]
    public void The_engine_package_and_the_tests_node_client_are_pinned_at_the_engines_version()
    {
        var root = Root();
        var targets = File.ReadAllText(Path.Combine(root, "build", "DuckDbNative.targets"));
        var package = System.Text.RegularExpressions.Regex.Match(targets, "<DuckDbPackageVersion>([^<]+)</DuckDbPackageVersion>").Groups[1].Value;
        using var npm = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "package.json")));
        var nodeApi = npm.RootElement.GetProperty("devDependencies").GetProperty("@duckdb/node-api").GetString();

        Assert.StartsWith(DuckDbEngine.PinnedVersion.TrimStart('v') + ".", package, StringComparison.Ordinal);
        Assert.StartsWith(DuckDbEngine.PinnedVersion.TrimStart('v') + "-", nodeApi, StringComparison.Ordinal);
        Assert.False(npm.RootElement.TryGetProperty("optionalDependencies", out _), "the engine comes from NuGet, not npm");
    }

    [Fact]
    public void The_engine_beside_the_program_is_the_nuget_packages_library()
    {
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var targets = File.ReadAllText(Path.Combine(Root(), "build", "DuckDbNative.targets"));
        var version = System.Text.RegularExpressions.Regex.Match(targets, "<DuckDbPackageVersion>([^<]+)</DuckDbPackageVersion>").Groups[1].Value;
        var rid = (OperatingSystem.IsLinux() ? "linux-" : OperatingSystem.IsWindows() ? "win-" : "osx") +
                  (OperatingSystem.IsMacOS() ? "" : System.Runtime.InteropServices.RuntimeInformation.OSArchitecture.ToString().ToLowerInvariant());
        var name = OperatingSystem.IsLinux() ? "libduckdb.so" : OperatingSystem.IsWindows() ? "duckdb.dll" : "libduckdb.dylib";

        var fromNuGet = Path.Combine(packages, "duckdb.net.bindings.full", version, "runtimes", rid, "native", name);
        Assert.True(File.Exists(fromNuGet), fromNuGet);
        Assert.Equal(File.ReadAllBytes(fromNuGet), File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, name)));
    }

    private static string Root()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Analytics.sln")))
        {
            root = root.Parent;
        }

        Assert.NotNull(root);
        return root.FullName;
    }

    [Fact]
    public void The_provider_factory_creates_working_objects()
    {
        DbProviderFactory factory = DuckDbProviderFactory.Instance;
        var builder = factory.CreateConnectionStringBuilder()!;
        builder["Data Source"] = ":memory:";

        using var connection = factory.CreateConnection()!;
        connection.ConnectionString = builder.ConnectionString;
        connection.Open();
        using var command = factory.CreateCommand()!;
        command.Connection = connection;
        command.CommandText = "SELECT $x * 2";
        var parameter = factory.CreateParameter()!;
        parameter.ParameterName = "x";
        parameter.Value = 21;
        command.Parameters.Add(parameter);

        Assert.IsType<DuckDbConnection>(connection);
        Assert.Equal(42, command.ExecuteScalar());
        Assert.Same(DuckDbProviderFactory.Instance, DbProviderFactories.GetFactory(connection));
    }

    [Fact]
    public void GetSchema_lists_the_created_tables_and_their_columns()
    {
        using var connection = Sql.OpenMemory();
        connection.Execute("CREATE TABLE 企业 (统一社会信用代码 VARCHAR NOT NULL, capital DECIMAL(18,2)); CREATE VIEW v AS SELECT 1 AS one");

        var tables = connection.GetSchema("Tables");
        var names = tables.Rows.Cast<DataRow>().Select(r => (string)r["table_name"]).ToList();
        Assert.Contains("企业", names);
        Assert.Contains("v", names);

        var onlyBase = connection.GetSchema("Tables", [null, null, null, "BASE TABLE"]);
        Assert.Equal(["企业"], onlyBase.Rows.Cast<DataRow>().Select(r => (string)r["table_name"]));

        var columns = connection.GetSchema("Columns", [null, null, "企业"]);
        Assert.Equal(["统一社会信用代码", "capital"], columns.Rows.Cast<DataRow>().Select(r => (string)r["column_name"]));
        Assert.Equal("DECIMAL(18,2)", columns.Rows[1]["data_type"]);
        Assert.Equal("NO", columns.Rows[0]["is_nullable"]);

        var collections = connection.GetSchema();
        Assert.Equal(["MetaDataCollections", "Tables", "Columns"], collections.Rows.Cast<DataRow>().Select(r => (string)r["CollectionName"]));
        Assert.Throws<ArgumentException>(() => connection.GetSchema("Procedures"));
    }

    [Fact]
    public void Connection_string_builder_reads_data_source_aliases_and_setting_names()
    {
        var builder = new DuckDbConnectionStringBuilder("DataSource=/tmp/x.duckdb;Access Mode=READ_ONLY;threads=4");

        Assert.Equal("/tmp/x.duckdb", builder.DataSource);
        Assert.Equal("READ_ONLY", builder.AccessMode);
        Assert.Equal(4, builder.Threads);
        Assert.False(builder.IsInMemory);
        Assert.Equal(new Dictionary<string, string> { ["access_mode"] = "READ_ONLY", ["threads"] = "4" }, builder.Settings());
        Assert.True(new DuckDbConnectionStringBuilder("").IsInMemory);
    }
}
