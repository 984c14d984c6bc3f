using Analytics.Etl.Contracts;
using Analytics.Etl.Sources;

namespace Analytics.Etl.Tests.Sources;

public sealed class SourcesConfigReaderTests
{
    private static readonly string ConfigFile = Path.Combine(Path.GetTempPath(), "cfg", "sources.json");
    private static readonly Dictionary<string, string> NoVariables = new() { ["ANALYTICS_DATA"] = "" };

    private static SourcesConfig Parse(string json, IReadOnlyDictionary<string, string>? variables = null) =>
        SourcesConfigReader.Parse(json, ConfigFile, variables ?? NoVariables);

    private static ConfigProblem SingleProblem(string json, IReadOnlyDictionary<string, string>? variables = null)
    {
        var e = Assert.Throws<SourcesConfigException>(() => Parse(json, variables));
        return Assert.Single(e.Problems);
    }

    [Fact]
    public void Demo_config_loads_five_feeds_from_the_demo_extracts_folder_at_the_repository_root()
    {
        var root = RepositoryRoot();
        var config = SourcesConfigReader.Load(Path.Combine(root, "config", "sources.demo.json"), NoVariables);

        Assert.Equal(5, config.Sources.Count);
        Assert.Equal(Enum.GetValues<FeedKind>().Order(), config.Sources.Select(s => s.Feed).Order());
        var expected = Path.Combine(root, "data", "demo", "extracts");
        Assert.All(config.Sources, s => Assert.Equal(expected, s.Folder));
        Assert.Equal(TextEncodingHint.Gbk, config.Sources.Single(s => s.Feed == FeedKind.Registry).Encoding);
    }

    [Fact]
    public void Demo_config_folder_follows_ANALYTICS_DATA_when_it_is_set()
    {
        using var temp = new TempFolder();
        var config = SourcesConfigReader.Load(
            Path.Combine(RepositoryRoot(), "config", "sources.demo.json"), new Dictionary<string, string> { ["ANALYTICS_DATA"] = temp.Path });

        Assert.All(config.Sources, s => Assert.Equal(temp.Path, s.Folder));
    }

    [Fact]
    public void Folder_source_reads_every_field_and_resolves_a_relative_folder_against_the_config_folder()
    {
        var config = Parse("""
            {
              // comments and trailing commas are fine
              "sources": [
                { "name": "hz-registry", "feed": "registry", "folder": "../extracts/hz", "include": "registry/2024-12-31.csv",
                  "exclude": ["**/old/*"], "sha256": "ABCDEF0123456789abcdef0123456789ABCDEF0123456789abcdef0123456789",
                  "length": 42, "encoding": "GBK", "as_of": "2024-12-31", },
              ],
            }
            """);

        var s = Assert.Single(config.Sources);
        Assert.Equal("hz-registry", s.Name);
        Assert.Equal(FeedKind.Registry, s.Feed);
        Assert.Equal(Path.GetFullPath(Path.Combine(Path.GetTempPath(), "extracts", "hz")), s.Folder);
        Assert.Equal(["registry/2024-12-31.csv"], s.Include);
        Assert.Equal(["**/old/*"], s.Exclude);
        Assert.Equal("abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789", s.ExpectedSha256);
        Assert.Equal(42, s.ExpectedLength);
        Assert.Equal(TextEncodingHint.Gbk, s.Encoding);
        Assert.Equal(new DateOnly(2024, 12, 31), s.AsOf);
        Assert.Equal("$.sources[0]", s.JsonPath);
        Assert.Equal(Path.GetFullPath(ConfigFile), s.ConfigFile);
    }

    [Fact]
    public void Url_source_expands_variables_and_keeps_a_literal_dollar()
    {
        var config = Parse("""
            { "sources": [ { "name": "p", "feed": "patents",
                             "urls": ["${HOST}/patents.jsonl", "https://x.example/odata?$filter=a", "${NONE:-https://y.example}/b.jsonl"] } ] }
            """, new Dictionary<string, string> { ["HOST"] = "https://data.example.gov.cn" });

        Assert.Equal(
            ["https://data.example.gov.cn/patents.jsonl", "https://x.example/odata?$filter=a", "https://y.example/b.jsonl"],
            config.Sources[0].Urls.Select(u => u.AbsoluteUri));
        Assert.False(config.Sources[0].IsFolder);
    }

    [Fact]
    public void Tilde_expands_to_the_home_folder()
    {
        var config = Parse("""{ "sources": [ { "name": "a", "feed": "survey", "folder": "~/extracts", "include": "*.xlsx" } ] }""");

        Assert.Equal(Path.GetFullPath(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile) + "/extracts"), config.Sources[0].Folder);
    }

    [Theory]
    [InlineData("""{ "sources": [ { "name": "a", "feed": "registy", "folder": "x", "include": "*" } ] }""", "$.sources[0].feed", "'registy' is not a feed")]
    [InlineData("""{ "sources": [ { "name": "a", "feed": "registry" } ] }""", "$.sources[0]", "neither a 'folder' nor URLs")]
    [InlineData("""{ "sources": [ { "name": "a", "feed": "registry", "folder": "x", "include": "*", "url": "https://a/b" } ] }""", "$.sources[0]", "both a 'folder' and URLs")]
    [InlineData("""{ "sources": [ { "name": "a", "feed": "registry", "folder": "x" } ] }""", "$.sources[0]", "'include' is missing")]
    [InlineData("""{ "sources": [ { "feed": "registry", "folder": "x", "include": "*" } ] }""", "$.sources[0]", "'name' is missing")]
    [InlineData("""{ "sources": [ { "name": "a b", "feed": "registry", "folder": "x", "include": "*" } ] }""", "$.sources[0].name", "not a usable source name")]
    [InlineData("""{ "sources": [ { "name": "a", "feed": "registry", "folder": "x", "include": "../*.csv" } ] }""", "$.sources[0].include[0]", "'..'")]
    [InlineData("""{ "sources": [ { "name": "a", "feed": "registry", "folder": "x", "include": "/etc/*" } ] }""", "$.sources[0].include[0]", "absolute")]
    [InlineData("""{ "sources": [ { "name": "a", "feed": "registry", "url": "ftp://a/b.csv" } ] }""", "$.sources[0].url", "not an absolute http or https address")]
    [InlineData("""{ "sources": [ { "name": "a", "feed": "registry", "url": "https://a/b", "sha256": "xyz" } ] }""", "$.sources[0].sha256", "not a SHA-256")]
    [InlineData("""{ "sources": [ { "name": "a", "feed": "registry", "url": "https://a/b", "length": -1 } ] }""", "$.sources[0].length", "not a length")]
    [InlineData("""{ "sources": [ { "name": "a", "feed": "registry", "folder": "x", "include": "*.csv", "length": 3 } ] }""", "$.sources[0]", "can match several")]
    [InlineData("""{ "sources": [ { "name": "a", "feed": "registry", "urls": ["https://a/1", "https://a/2"], "length": 3 } ] }""", "$.sources[0]", "can match several")]
    [InlineData("""{ "sources": [ { "name": "a", "feed": "patents", "url": "https://a/b", "as_of": "2024-12-31" } ] }""", "$.sources[0].as_of", "registry feed only")]
    [InlineData("""{ "sources": [ { "name": "a", "feed": "registry", "url": "https://a/b", "as_of": "2024/12/31" } ] }""", "$.sources[0].as_of", "yyyy-MM-dd")]
    [InlineData("""{ "sources": [ { "name": "a", "feed": "registry", "url": "https://a/b", "encoding": "latin1" } ] }""", "$.sources[0].encoding", "not a supported encoding")]
    [InlineData("""{ "sources": [ { "name": "a", "feed": "registry", "fodler": "x", "url": "https://a/b" } ] }""", "$.sources[0].fodler", "unknown property 'fodler'")]
    [InlineData("""{ "sources": [ { "name": "a", "feed": "registry", "folder": "${EXTRACTS}/hz", "include": "*" } ] }""", "$.sources[0].folder", "EXTRACTS is not set")]
    [InlineData("""{ "sources": [ { "name": "a", "feed": "survey", "url": "https://a/b", "sheets": "some" } ] }""", "$.sources[0].sheets", "not a sheet choice")]
    [InlineData("""{ "sources": [ { "name": "a", "feed": "survey", "url": "https://a/b", "sheets": { "index": 0 } } ] }""", "$.sources[0].sheets", "not a sheet choice")]
    [InlineData("""{ "sources": [ { "name": "a", "feed": "survey", "url": "https://a/b", "sheets": { "name": "x", "index": 1 } } ] }""", "$.sources[0].sheets", "not a sheet choice")]
    [InlineData("""{ "sources": [] }""", "$.sources", "empty")]
    [InlineData("""{ "source": [] }""", "$.source", "unknown property 'source'")]
    [InlineData("""[]""", "$", "not an object")]
    public void Invalid_config_is_refused_with_the_json_path_and_what_is_wrong(string json, string jsonPath, string fragment)
    {
        var e = Assert.Throws<SourcesConfigException>(() => Parse(json));

        var problem = Assert.Single(e.Problems, p => p.JsonPath == jsonPath);
        Assert.Contains(fragment, problem.Problem, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(problem.Fix));
        Assert.Equal(Path.GetFullPath(ConfigFile), problem.File);
        Assert.Contains(jsonPath, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var e = Assert.Throws<SourcesConfigException>(() => Parse("""
            { "sources": [
                { "name": "a", "feed": "registry", "folder": "x", "include": "*" },
                { "name": "a", "feed": "survey", "folder": "y", "include": "*" },
                { "name": "b", "feed": "nope", "folder": "y", "include": "*" }
            ] }
            """));

        Assert.Equal(["$.sources[1].name", "$.sources[2].feed"], e.Problems.Select(p => p.JsonPath));
        Assert.Contains("already used by $.sources[0]", e.Problems[0].Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_syntax_error_names_the_line()
    {
        var problem = SingleProblem("{\n  \"sources\": [\n    { \"name\": \"a\" \"feed\": \"registry\" }\n  ]\n}");

        Assert.Equal(3, problem.Line);
        Assert.Contains("not valid JSON at line 3", problem.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_config_file_is_reported_with_its_path()
    {
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"), "sources.json");

        var e = Assert.Throws<SourcesConfigException>(() => SourcesConfigReader.Load(path));

        Assert.Equal(path, e.Problems[0].File);
        Assert.Contains("does not exist", e.Message, StringComparison.Ordinal);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Analytics.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Analytics.sln not found above the test binaries.");
    }

    [Theory]
    [InlineData("", "every sheet")]
    [InlineData(""", "sheets": "all" """, "every sheet")]
    [InlineData(""", "sheets": "with_header" """, "every sheet with a header")]
    [InlineData(""", "sheets": { "name": "名单" }""", "the sheet named '名单'")]
    [InlineData(""", "sheets": { "index": 2 }""", "sheet 2")]
    public void Sheets_setting_chooses_every_sheet_those_with_a_header_or_one_by_name_or_position(string setting, string expected)
    {
        var config = Parse($$"""{ "sources": [ { "name": "a", "feed": "recognitions", "url": "https://a/b.xlsx"{{setting}} } ] }""");

        Assert.Equal(expected, Assert.Single(config.Sources).Sheets.ToString());
    }
}
