namespace Analytics.Warehouse;

/// <summary>What a warehouse build read and wrote: its lineage (the lake batches used) and the rows of each table.</summary>
/// <param name="BatchIds">The lake batches the build read, in order.</param>
/// <param name="TableRows">Rows per table written.</param>
public sealed record BuildResult(IReadOnlyList<string> BatchIds, IReadOnlyDictionary<string, long> TableRows)
{
    /// <summary>The data tests the build ran, all passed (a failure fails the build with <see cref="Building.DataTestsFailedException"/>).</summary>
    public IReadOnlyList<Building.DataTestResult> DataTests { get; init; } = [];

    /// <summary>Where each feed's lake rows went: into its fact, or dropped with the reason counted.</summary>
    public IReadOnlyList<Building.FeedRows> Feeds { get; init; } = [];

    /// <summary>How each table of the star schema and marts was made: built, or copied from the previous snapshot.</summary>
    public IReadOnlyList<Building.BuiltTable> Tables { get; init; } = [];
}
