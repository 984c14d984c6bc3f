using System.Text;
using Analytics.Etl.Sources;

namespace Analytics.Etl.Tests.Sources;

public sealed class LandingFileNameTests
{
    [Theory]
    [InlineData("企业名录_2024.csv", "企业名录_2024.csv")]
    [InlineData("a/b.csv", "a_b.csv")]
    [InlineData("..", "download")]
    [InlineData("   ", "download")]
    [InlineData(null, "download")]
    [InlineData("x:y?.csv", "x_y_.csv")]
    public void Keeps_readable_names_and_replaces_what_a_path_cannot_hold(string? name, string expected) =>
        Assert.Equal(expected, LandingFileName.Sanitize(name));

    [Fact]
    public void Shortens_a_long_chinese_name_to_fit_a_file_system_keeping_the_extension()
    {
        var name = LandingFileName.Sanitize(new string('专', 300) + ".xlsx");

        Assert.EndsWith(".xlsx", name, StringComparison.Ordinal);
        Assert.True(Encoding.UTF8.GetByteCount(name) <= 200);
    }
}
