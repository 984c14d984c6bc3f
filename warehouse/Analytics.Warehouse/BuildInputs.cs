namespace Analytics.Warehouse;

/// <summary>What a build reads besides its own catalog.</summary>
/// <param name="LakeRoot">The lake folder (holding <c>load=*</c> batches).</param>
/// <param name="TargetRevisions">The target versions recorded after the plan (<see cref="Analytics.Catalog.TargetRevisionLog"/>); null or a missing file for none.</param>
public sealed record BuildInputs(string LakeRoot, string? TargetRevisions = null);
