using System.Text.Json.Nodes;
using Analytics.Notebooks.Ipynb;

namespace Analytics.Notebooks.Tests.Ipynb;

public sealed class NotebookDocumentTests
{
    [Fact]
    public void Source_reads_the_same_as_a_string_or_a_list_of_lines()
    {
        var notebook = NotebookDocument.Parse("""
            {"cells": [
              {"cell_type": "code", "metadata": {}, "outputs": [], "source": "var a = 1;\nDisplay(a);"},
              {"cell_type": "code", "metadata": {}, "outputs": [], "source": ["var a = 1;\n", "Display(a);"]}
            ], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
            """);

        Assert.Equal(notebook.Cells[0].Source, notebook.Cells[1].Source);
    }

    [Fact]
    public void A_round_trip_keeps_members_the_runner_does_not_know()
    {
        var notebook = NotebookDocument.Parse("""
            {"cells": [{"cell_type": "markdown", "metadata": {"tags": ["keep"]}, "source": ["# 标题"], "id": "abc"}],
             "metadata": {"custom": {"x": 1}}, "nbformat": 4, "nbformat_minor": 5}
            """);

        var copy = JsonNode.Parse(notebook.Clone().ToJson())!;

        Assert.Equal(1, copy["metadata"]!["custom"]!["x"]!.GetValue<int>());
        Assert.Equal("abc", copy["cells"]![0]!["id"]!.GetValue<string>());
        Assert.Equal("keep", copy["cells"]![0]!["metadata"]!["tags"]![0]!.GetValue<string>());
        Assert.Contains("# 标题", notebook.ToJson(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not json", "not valid JSON")]
    [InlineData("{\"metadata\": {}}", "no 'cells' array")]
    [InlineData("{\"cells\": [], \"nbformat\": 3}", "nbformat 3")]
    public void A_file_that_is_not_a_notebook_is_refused_naming_it(string json, string reason)
    {
        var error = Assert.Throws<InvalidDataException>(() => NotebookDocument.Parse(json, "review.ipynb"));

        Assert.Contains("review.ipynb", error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Outputs_are_written_as_nbformat_lines_and_base64_images()
    {
        var cell = NotebookCell.Code("x");
        cell.SetOutputs([CellOutputs.Display(new Dictionary<string, string> { ["text/html"] = "<p>a</p>\n<p>b</p>", ["image/png"] = "iVBORw0K" })], 1);

        var data = cell.Outputs[0]!["data"]!;
        Assert.Equal(["<p>a</p>\n", "<p>b</p>"], data["text/html"]!.AsArray().Select(l => l!.GetValue<string>()));
        Assert.Equal("iVBORw0K", data["image/png"]!.GetValue<string>());
    }
}
