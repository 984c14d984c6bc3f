namespace Analytics.Dashboard.Tests.Support;

/// <summary>
/// The dashboard on the hand-written <see cref="FixtureSnapshot"/> instead of the product's snapshot: only for a test
/// that needs values worked out by hand or small cells in places the product does not put them.
/// </summary>
public sealed class FixtureDashboardFactory : DashboardFactory
{
    public FixtureDashboardFactory()
        : base(FixtureSnapshot.Create)
    {
    }
}
