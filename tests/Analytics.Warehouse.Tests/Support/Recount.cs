namespace Analytics.Warehouse.Tests.Support;

/// <summary>
/// The fixture's numbers counted again in C#, from its rows and the written rules (INDICATORS.md, docs/indicators.md),
/// so the tests compare the build with something it did not produce.
/// </summary>
internal static class Recount
{
    /// <summary>Which cell an enterprise falls in, from its registry row of the year: its district or its industry group.</summary>
    public delegate string Cell(RegistryRow row);

    /// <summary>The reporting district: 璧山县 500227 became 璧山区 500120 (GB/T 2260); the fixture's other codes are current.</summary>
    public static string District(RegistryRow row) => row.District == "500227" ? "500120" : row.District;

    /// <summary>
    /// The plan's industry group of the fixture's industries (etl/Analytics.Reference/policy-industry-groups.csv, the most
    /// specific code wins: I6510 is in division 65, 电子信息, before section I, 现代服务业).
    /// </summary>
    public static Cell Group(string plan) => row => (plan, row.Industry) switch
    {
        ("CQ2013", "C3670") => "AUTO",
        ("CQ2013", "I6510") => "ELEC",
        ("CQ2013", "C2610") => "CHEM",
        ("YY2020", "C3670") => "EQUIP",
        ("YY2020", "I6510") => "ELEC",
        ("YY2020", "C2610") => "PETRO",
        _ => throw new ArgumentOutOfRangeException(nameof(row), $"{row.Industry} is not a fixture industry"),
    };

    /// <summary>Whether the row is an SME in business at the year's end.</summary>
    public static bool ActiveSme(RegistryRow row) => Sme(row) && row.Status is "存续" or "在业";

    /// <summary>
    /// The cell's share of the city's SMEs in business at the end of <paramref name="year"/> (the plan's baseline year);
    /// null when the city has none.
    /// </summary>
    public static double? SmeShare(IEnumerable<RegistryRow> registry, string cityPrefix, int year, Cell cell, string code)
    {
        var smes = registry.Where(r => r.Year == year && r.District.StartsWith(cityPrefix, StringComparison.Ordinal) && ActiveSme(r)).ToList();
        return smes.Count == 0 ? null : smes.Count(r => cell(r) == code) / (double)smes.Count;
    }

    /// <summary>CQ-TECH-SME: distinct SMEs granted TECH_SME from 2013 to the year, not revoked by its end, placed in the grant year.</summary>
    public static int TechSmes(int year, Cell cell, string code) => Fixture.Recognitions()
        .Where(r => r.Type == "TECH_SME" && r.GrantedOn.Year >= 2013 && r.GrantedOn.Year <= year && !(r.RevokedOn <= YearEnd(year)))
        .Where(r => In(r.CreditCode, r.GrantedOn.Year, cell, code, activeOnly: false))
        .Select(r => r.CreditCode).Distinct().Count();

    /// <summary>CQ-IP-PILOT: distinct active SMEs holding a valid IP_PILOT on 31 December, placed in that year.</summary>
    public static int IpPilots(int year, Cell cell, string code) => Fixture.Recognitions()
        .Where(r => r.Type == "IP_PILOT" && r.GrantedOn <= YearEnd(year) && !(r.ExpiresOn < YearEnd(year)) && !(r.RevokedOn <= YearEnd(year)))
        .Where(r => In(r.CreditCode, year, cell, code, activeOnly: true))
        .Select(r => r.CreditCode).Distinct().Count();

    /// <summary>YY-POLING: SMEs whose first granted invention (type 1 or 8) was granted in the year, placed in that year.</summary>
    public static int ZeroBreakthroughs(int year, Cell cell, string code) => Fixture.Patents()
        .Where(p => p.Type is 1 or 8 && p.GrantDate is not null)
        .SelectMany(p => p.Applicants.Select(a => (Applicant: a, Granted: p.GrantDate!.Value)))
        .GroupBy(x => x.Applicant)
        .Select(g => (CreditCode: g.Key, First: g.Min(x => x.Granted)))
        .Count(f => f.First.Year == year && In(f.CreditCode, year, cell, code, activeOnly: false));

    /// <summary>The on-track path v0 + (target − v0)·(y − B)/(T − B).</summary>
    public static double Path(double v0, double target, int year, int baselineYear, int targetYear) =>
        v0 + ((target - v0) * (year - baselineYear) / (targetYear - baselineYear));

    /// <summary>on_track at or above the path, at_risk at or above 90 % of it, off_track below.</summary>
    public static string Status(double measure, double path) =>
        measure >= path ? "on_track" : measure >= 0.9 * path ? "at_risk" : "off_track";

    private static bool Sme(RegistryRow row) => row.Size is "中型" or "小型" or "微型";

    private static DateOnly YearEnd(int year) => new(year, 12, 31);

    private static bool In(string creditCode, int year, Cell cell, string code, bool activeOnly) =>
        Fixture.Registry().Any(r => r.CreditCode == creditCode && r.Year == year
            && Sme(r) && (!activeOnly || ActiveSme(r)) && (code == "ALL" || cell(r) == code));
}
