namespace Analytics.Reference;

/// <summary>
/// The figures an enterprise must reach, all of them, to be in one size class or above. A null figure is one the rule
/// does not use at that class (retail, for example, says nothing about assets).
/// </summary>
/// <param name="Employees">从业人员, persons.</param>
/// <param name="Revenue">营业收入, 万元.</param>
/// <param name="Assets">资产总额, 万元.</param>
public sealed record SizeThresholds(double? Employees, double? Revenue, double? Assets);
