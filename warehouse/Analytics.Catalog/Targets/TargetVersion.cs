namespace Analytics.Catalog;

/// <summary>One target of a version: the value an indicator should reach by a year, for a scope of cells.</summary>
/// <param name="Scope"><c>city</c> (the all-district row), <c>every_cell</c>, or a 6-digit district code.</param>
/// <param name="BaselineYear">The year the path starts from; null for an annual target (that year only).</param>
/// <param name="TargetYear">The year the value is due.</param>
/// <param name="Value">The target (a share 0–1 for adoption, the ratio for a doubling, a count otherwise).</param>
/// <param name="Comparator"><c>&gt;=</c> (reach) or <c>&gt;</c> (exceed).</param>
/// <param name="Note">The plan's wording, e.g. 每年50家以上.</param>
public sealed record TargetRow(string Scope, int? BaselineYear, int TargetYear, double Value, string Comparator, string? Note);

/// <summary>
/// A version of an indicator's targets: every row of it is in force together, and the highest version of an indicator
/// is the one its cells are judged against. Version 1 comes from the plan (Analytics.Catalog/targets.csv); later ones are
/// revisions an administrator records, each with who, when and the document that revised the plan.
/// </summary>
public sealed record TargetVersion(
    string Plan,
    string IndicatorId,
    int Version,
    IReadOnlyList<TargetRow> Rows,
    string SourceDocument,
    string RecordedBy,
    DateTimeOffset? RecordedAt,
    string? Reason);

/// <summary>A target change that is refused: the message says what is wrong and where.</summary>
public sealed class TargetRevisionException : Exception
{
    /// <summary>A refusal with its reason.</summary>
    public TargetRevisionException(string message)
        : base(message)
    {
    }

    /// <summary>A refusal without a reason (for serializers).</summary>
    public TargetRevisionException()
    {
    }

    /// <summary>A refusal caused by another error.</summary>
    public TargetRevisionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
