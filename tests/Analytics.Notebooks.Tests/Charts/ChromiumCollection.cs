namespace Analytics.Notebooks.Tests.Charts;

/// <summary>Tests that start Chromium run one class at a time (a browser each is heavy on a two-core machine).</summary>
[CollectionDefinition(Name)]
public sealed class ChromiumCollection
{
    public const string Name = "chromium";
}
