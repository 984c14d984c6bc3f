namespace Analytics.Warehouse.Snapshots;

/// <summary>The steps of a publish, in order; tests inject a crash after each to check that readers never notice.</summary>
internal enum PublishStage
{
    /// <summary>The builder has returned and the lineage is written.</summary>
    Built,

    /// <summary>The marts are exported to the temporary export folder.</summary>
    Exported,

    /// <summary>The database is checkpointed and closed under its temporary name.</summary>
    Closed,

    /// <summary>The file and export folder carry their final names; <c>current.json</c> still names the previous snapshot.</summary>
    Renamed,
}
