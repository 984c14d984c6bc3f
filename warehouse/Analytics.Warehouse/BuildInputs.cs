namespace Analytics.Warehouse;

/// <summary>What a build reads besides its own catalog.</summary>
/// <param name="LakeRoot">The lake folder (holding <c>load=*</c> batches).</param>
/// <param name="TargetRevisions">The target versions recorded after the plan (<see cref="Analytics.Catalog.TargetRevisionLog"/>); null or a missing file for none.</param>
public sealed record BuildInputs(string LakeRoot, string? TargetRevisions = null)
{
    /// <summary>
    /// The snapshot to copy tables from when their inputs are unchanged (the current one, usually); null to build every
    /// table from the lake. A snapshot that cannot be read or has no <c>build_step</c> is not copied from.
    /// </summary>
    public string? Previous { get; init; }
}

/// <summary>The target versions a build uses.</summary>
internal static class BuildInputsTargets
{
    /// <summary>The plan's targets and every version recorded since (<see cref="BuildInputs.TargetRevisions"/>).</summary>
    public static IReadOnlyList<Analytics.Catalog.TargetVersion> Targets(this BuildInputs inputs) =>
        inputs.TargetRevisions is { } log ? new Analytics.Catalog.TargetRevisionLog(log).AllVersions() : Analytics.Catalog.TargetCatalog.Versions;
}
