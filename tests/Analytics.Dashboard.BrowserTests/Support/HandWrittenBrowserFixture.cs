using Analytics.Dashboard.Tests.Support;

namespace Analytics.Dashboard.BrowserTests.Support;

/// <summary>
/// The browser fixture over the hand-written <see cref="FixtureSnapshot"/> instead of the product snapshot, for the
/// classes not yet moved onto the product's data.
/// </summary>
public sealed class HandWrittenBrowserFixture : BrowserFixture
{
    public HandWrittenBrowserFixture()
        : base(path => FixtureSnapshot.Create(path))
    {
    }
}

[CollectionDefinition(Name)]
public sealed class HandWrittenBrowserCollection : ICollectionFixture<HandWrittenBrowserFixture>
{
    public const string Name = "browser-hand-written";
}
