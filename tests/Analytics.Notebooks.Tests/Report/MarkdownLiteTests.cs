using Analytics.Notebooks.Report;

namespace Analytics.Notebooks.Tests.Report;

public sealed class MarkdownLiteTests
{
    [Theory]
    [InlineData("# 标题 Title", "<h1>标题 Title</h1>")]
    [InlineData("## 1. 目标", "<h2>1. 目标</h2>")]
    [InlineData("一段**加粗**文字", "<p>一段<strong>加粗</strong>文字</p>")]
    [InlineData("*on track* at", "<p><em>on track</em> at</p>")]
    [InlineData("Run `analytics notebook run`", "<p>Run <code>analytics notebook run</code></p>")]
    [InlineData("- a\n- b", "<ul><li>a</li><li>b</li></ul>")]
    [InlineData("1. a\n2. b", "<ol><li>a</li><li>b</li></ol>")]
    [InlineData("> 注意", "<blockquote>注意</blockquote>")]
    [InlineData("<script>x</script>", "<p>&lt;script&gt;x&lt;/script&gt;</p>")]
    [InlineData("Σ w·y / Σ w", "<p>Σ w·y / Σ w</p>")]
    [InlineData("[plotly](https://plotly.com)", "<p><a href=\"https://plotly.com\">plotly</a></p>")]
    public void Renders_the_markdown_the_notebooks_use(string markdown, string html) =>
        Assert.Equal(html, MarkdownLite.ToHtml(markdown).Trim());

    [Fact]
    public void A_pipe_table_becomes_an_html_table_without_its_separator_row()
    {
        var html = MarkdownLite.ToHtml("| 指标 | 目标 |\n| --- | ---: |\n| 破零 | 50 |");

        Assert.Equal("<table class=\"md\"><tr><th>指标</th><th>目标</th></tr><tr><td>破零</td><td>50</td></tr></table>", html.Trim());
    }

    [Fact]
    public void Lines_of_one_paragraph_keep_their_breaks_and_a_blank_line_starts_a_new_paragraph()
    {
        Assert.Equal("<p>一<br>二</p>\n<p>三</p>", MarkdownLite.ToHtml("一\n二\n\n三").Trim());
    }
}
