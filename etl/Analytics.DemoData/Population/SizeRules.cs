using Analytics.Reference;

namespace Analytics.DemoData.Population;

/// <summary>
/// The size rule that applies to an industry class code (e.g. C3670, F5191, K7010), taken from the shared
/// size_class_rules.csv so the demo sizes its firms by the same figures the warehouse classifies them with.
/// </summary>
internal static class SizeRules
{
    private static readonly Dictionary<string, SizeRule> ByRuleId =
        SizeClassRules.Default.Rules.ToDictionary(r => r.RuleId, SizeRule.From, StringComparer.Ordinal);

    public static SizeRule For(string industryCode)
    {
        var rule = SizeClassRules.Default.For(industryCode)
            ?? throw new InvalidDataException($"No size rule covers industry code '{industryCode}', and size_class_rules.csv has no '*' rule.");
        return ByRuleId[rule.RuleId];
    }
}
