using Analytics.Etl.Sources;

namespace Analytics.Etl.Tests.Sources;

public sealed class PathVariablesTests
{
    private static readonly Dictionary<string, string> Vars = new() { ["DATA"] = "/srv/data", ["EMPTY"] = "" };

    [Theory]
    [InlineData("${DATA}/hz", "/srv/data/hz")]
    [InlineData("${MISSING:-../demo}/hz", "../demo/hz")]
    [InlineData("${EMPTY:-fallback}", "fallback")]
    [InlineData("${DATA:-unused}", "/srv/data")]
    [InlineData("a$$b", "a$b")]
    [InlineData("odata?$filter=x", "odata?$filter=x")]
    [InlineData("cost$", "cost$")]
    [InlineData("plain/path", "plain/path")]
    public void Expands_references_and_leaves_other_text(string text, string expected)
    {
        Assert.True(PathVariables.TryExpand(text, n => Vars.GetValueOrDefault(n), out var expanded, out var error), error);
        Assert.Equal(expected, expanded);
    }

    [Theory]
    [InlineData("${MISSING}/x", "MISSING is not set")]
    [InlineData("${EMPTY}", "EMPTY is not set")]
    [InlineData("${DATA", "without a closing")]
    [InlineData("${1BAD}", "not a variable reference")]
    public void Reports_what_cannot_be_expanded(string text, string fragment)
    {
        Assert.False(PathVariables.TryExpand(text, n => Vars.GetValueOrDefault(n), out _, out var error));
        Assert.Contains(fragment, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Leading_tilde_is_the_home_folder_and_a_tilde_elsewhere_is_not()
    {
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);

        Assert.True(PathVariables.TryExpand("~/x", _ => null, out var expanded, out _));
        Assert.Equal(home + "/x", expanded);
        Assert.True(PathVariables.TryExpand("a/~/x", _ => null, out expanded, out _));
        Assert.Equal("a/~/x", expanded);
    }
}
