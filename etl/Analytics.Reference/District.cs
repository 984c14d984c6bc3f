namespace Analytics.Reference;

/// <summary>
/// A county-level division (区县) with its GB/T 2260 code. Counties that became districts keep their old code until
/// <see cref="ValidTo"/> and name their new code as <see cref="SuccessorCode"/>.
/// </summary>
/// <param name="Code">6-digit GB/T 2260 code.</param>
/// <param name="NameZh">Chinese name, e.g. 璧山县.</param>
/// <param name="NameEn">English name.</param>
/// <param name="CityCode">Code of the prefecture-level city (or municipality) the division belongs to.</param>
/// <param name="CityZh">Chinese name of that city.</param>
/// <param name="Kind">district, county, autonomous_county, county_level_city or zone.</param>
/// <param name="ValidFrom">First month the code is valid (null: before any date the product covers).</param>
/// <param name="ValidTo">Month the code stopped being valid (null: still valid).</param>
/// <param name="SuccessorCode">The code that replaced this one, if any.</param>
public sealed record District(
    string Code,
    string NameZh,
    string NameEn,
    string CityCode,
    string CityZh,
    string Kind,
    DateOnly? ValidFrom,
    DateOnly? ValidTo,
    string? SuccessorCode)
{
    /// <summary>True when the code was in force on <paramref name="date"/> (valid_from inclusive, valid_to exclusive).</summary>
    public bool IsValidOn(DateOnly date) =>
        (ValidFrom is null || date >= ValidFrom.Value) && (ValidTo is null || date < ValidTo.Value);
}
