using Analytics.Etl.Sources;

namespace Analytics.Etl.Tests.Sources;

public sealed class GlobPatternTests
{
    [Theory]
    [InlineData("*.csv", "a.csv", true)]
    [InlineData("*.csv", "A.CSV", true)]
    [InlineData("*.csv", "sub/a.csv", false)]
    [InlineData("**/*.csv", "a.csv", true)]
    [InlineData("**/*.csv", "x/y/z/a.csv", true)]
    [InlineData("*/registry/**/*.csv", "hz/registry/a.csv", true)]
    [InlineData("*/registry/**/*.csv", "hz/registry/2024/12/a.csv", true)]
    [InlineData("*/registry/**/*.csv", "hz/patents/a.csv", false)]
    [InlineData("*/registry/**/*.csv", "registry/a.csv", false)]
    [InlineData("registry/**", "registry/a/b.csv", true)]
    [InlineData("registry/**", "registry", false)]
    [InlineData("企业名录_????.csv", "企业名录_2024.csv", true)]
    [InlineData("企业名录_????.csv", "企业名录_24.csv", false)]
    [InlineData("a*b*c", "aXbYc", true)]
    [InlineData("a*b*c", "aXbY", false)]
    [InlineData("registry\\*.csv", "registry/a.csv", true)]
    public void Matches_like_a_shell_glob_with_globstar(string pattern, string path, bool expected) =>
        Assert.Equal(expected, GlobPattern.Parse(pattern).IsMatch(path));

    [Theory]
    [InlineData("a.csv", true)]
    [InlineData("x/a.csv", true)]
    [InlineData("x/*.csv", false)]
    [InlineData("x/a?.csv", false)]
    public void Is_literal_only_without_wildcards(string pattern, bool expected) =>
        Assert.Equal(expected, GlobPattern.Parse(pattern).IsLiteral);

    [Theory]
    [InlineData("")]
    [InlineData("/abs/*.csv")]
    [InlineData("C:/x/*.csv")]
    [InlineData("../*.csv")]
    [InlineData("a//b")]
    public void Refuses_patterns_that_do_not_stay_inside_the_folder(string pattern)
    {
        Assert.False(GlobPattern.TryParse(pattern, out _, out var error));
        Assert.False(string.IsNullOrEmpty(error));
    }
}
