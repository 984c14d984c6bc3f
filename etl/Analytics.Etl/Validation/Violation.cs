namespace Analytics.Etl.Validation;

/// <summary>
/// Why a row cannot be loaded, before it is placed in its file and row: the rule, the field, the value as written,
/// what is wrong and what the supplier should do. Created only on failure.
/// </summary>
/// <param name="RuleId">One of <see cref="RuleIds"/>.</param>
/// <param name="Field">Canonical field index, or -1 for the row as a whole.</param>
/// <param name="Value">The value as written.</param>
/// <param name="What">What is wrong, e.g. "the check character is '4' but GB 32100 gives '3'".</param>
/// <param name="Todo">What to do about it.</param>
public sealed record Violation(string RuleId, int Field, string? Value, string What, string Todo);
