using System.Globalization;

namespace Analytics.Reference;

/// <summary>
/// The SME size thresholds (size_class_rules.csv, embedded in this assembly) and the rule that applies to an industry
/// code. One copy serves the warehouse (which loads the text and classifies in SQL) and the demo generator (which
/// classifies the firms it invents), so the two cannot drift apart.
/// </summary>
public sealed class SizeClassRules
{
    /// <summary>The embedded file's name, for <see cref="ReferenceData.ReadEmbeddedText"/>.</summary>
    public const string FileName = "size_class_rules.csv";

    private static readonly Lazy<SizeClassRules> Embedded =
        new(() => Parse(ReferenceData.ReadEmbeddedText(FileName), FileName));

    private readonly Dictionary<string, SizeClassRule> _byScopeCode;

    private SizeClassRules(IReadOnlyList<SizeClassRule> rules, Dictionary<string, SizeClassRule> byScopeCode)
    {
        Rules = rules;
        _byScopeCode = byScopeCode;
    }

    /// <summary>The copy embedded in the product.</summary>
    public static SizeClassRules Default => Embedded.Value;

    /// <summary>Every rule, in file order.</summary>
    public IReadOnlyList<SizeClassRule> Rules { get; }

    /// <summary>
    /// The rule for a GB/T 4754 code as registries write it (section letter and up to four digits, e.g. C3670): the
    /// most specific scope code wins — class, group, division, section, then "*" — as in the warehouse's SQL.
    /// Null when no rule matches and there is no "*" rule.
    /// </summary>
    public SizeClassRule? For(string industryCode)
    {
        ArgumentNullException.ThrowIfNull(industryCode);
        var digits = industryCode.Length > 1 ? industryCode[1..] : "";
        for (var length = Math.Min(digits.Length, 4); length >= 2; length--)
        {
            if (_byScopeCode.TryGetValue(digits[..length], out var rule))
            {
                return rule;
            }
        }

        if (industryCode.Length > 0
            && _byScopeCode.TryGetValue(char.ToUpperInvariant(industryCode[0]).ToString(), out var sectionRule))
        {
            return sectionRule;
        }

        return _byScopeCode.GetValueOrDefault("*");
    }

    /// <summary>Reads size-rule CSV text; a malformed number or scope code, a repeated rule id or a code in two scopes is an error.</summary>
    internal static SizeClassRules Parse(string text, string sourceName)
    {
        var rules = new List<SizeClassRule>();
        var byScopeCode = new Dictionary<string, SizeClassRule>(StringComparer.Ordinal);
        foreach (var row in ReferenceData.ParseCsv(text, sourceName))
        {
            var id = row["rule_id"];
            if (rules.Exists(r => r.RuleId == id))
            {
                throw new InvalidDataException($"{sourceName}: rule '{id}' appears twice.");
            }

            var scope = row["scope"].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var rule = new SizeClassRule(
                id, row["sector_zh"], row["sector_en"], scope,
                Thresholds(row, "large", sourceName), Thresholds(row, "medium", sourceName), Thresholds(row, "small", sourceName),
                row["source"]);
            foreach (var code in scope)
            {
                if (!IsScopeCode(code))
                {
                    throw new InvalidDataException(
                        $"{sourceName}: rule '{id}' has scope code '{code}'; use a section letter, 2 to 4 digits, or *.");
                }

                if (!byScopeCode.TryAdd(code, rule))
                {
                    throw new InvalidDataException(
                        $"{sourceName}: code '{code}' is in the scope of both '{byScopeCode[code].RuleId}' and '{id}'.");
                }
            }

            rules.Add(rule);
        }

        return new SizeClassRules(rules, byScopeCode);
    }

    private static SizeThresholds Thresholds(IReadOnlyDictionary<string, string> row, string size, string sourceName) => new(
        Figure(row, size + "_employees", sourceName),
        Figure(row, size + "_revenue", sourceName),
        Figure(row, size + "_assets", sourceName));

    private static double? Figure(IReadOnlyDictionary<string, string> row, string column, string sourceName)
    {
        var text = row[column].Trim();
        if (text.Length == 0)
        {
            return null;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new InvalidDataException($"{sourceName}: rule '{row["rule_id"]}' has {column} '{text}', which is not a number.");
    }

    private static bool IsScopeCode(string code) =>
        code == "*"
        || (code.Length == 1 && code[0] is >= 'A' and <= 'Z')
        || (code.Length is >= 2 and <= 4 && code.All(char.IsAsciiDigit));
}
