using Analytics.DuckDb;
using Analytics.Warehouse;

namespace Analytics.Cli;

/// <summary>The warehouse builder <c>analytics build</c>, <c>refresh</c> and <c>demo</c> run (tests swap in a small one).</summary>
internal static class WarehouseBuild
{
    public static Func<DuckDbConnection, BuildInputs, IProgress<string>?, CancellationToken, BuildResult> Builder { get; set; } = WarehouseBuilder.Build;
}
