using Analytics.Notebooks.Api;
using Analytics.Notebooks.Running;

namespace Analytics.Notebooks.Tests.Running;

public sealed class NotebookParametersTests
{
    [Fact]
    public void Name_value_pairs_are_split_at_the_first_equals_sign()
    {
        var values = NotebookParameters.Parse(["district=500120", "note=a=b", "empty="]);

        Assert.Equal("500120", values["district"]);
        Assert.Equal("a=b", values["note"]);
        Assert.Equal("", values["empty"]);
    }

    [Theory]
    [InlineData("district")]
    [InlineData("=500120")]
    public void A_pair_without_a_name_or_equals_sign_is_refused_with_an_example(string pair)
    {
        var error = Assert.Throws<NotebookParameterException>(() => NotebookParameters.Parse([pair]));

        Assert.Contains("--param district=500120", error.Message, StringComparison.Ordinal);
    }
}
