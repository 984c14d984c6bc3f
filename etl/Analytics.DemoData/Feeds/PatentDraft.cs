namespace Analytics.DemoData.Feeds;

/// <summary>One patent application before it gets its number and is written.</summary>
/// <param name="Type">1 invention, 2 utility model, 3 design, 8 PCT invention, 9 PCT utility model.</param>
/// <param name="Applied">Filing date.</param>
/// <param name="Published">Publication (inventions) or grant announcement (others); null if not yet.</param>
/// <param name="Granted">Grant date; null if not granted by the data's end.</param>
/// <param name="Status">有效/失效/审中/驳回/撤回.</param>
internal sealed record PatentDraft(int Type, DateOnly Applied, DateOnly? Published, DateOnly? Granted, string Status)
{
    public bool IsInvention => Type is 1 or 8;
}
