using Analytics.Dashboard.Tests.Support;

namespace Analytics.Dashboard.BrowserTests.Support;

/// <summary>
/// The browser fixture over the hand-written <see cref="FixtureSnapshot"/> instead of the product snapshot, for
/// <c>LanguageInBrowserTests</c> alone: on the product's data an English page shows a Chinese word (see docs/testing.md).
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
