using Analytics.Reference;

namespace Analytics.DemoData.Population;

/// <summary>
/// One piece of land over time: a county-level division and the codes it carried (璧山县 500227 until 2014-05, then
/// 璧山区 500120). A firm belongs to a territory; the code a registry shows for it depends on the snapshot date.
/// </summary>
internal sealed class Territory
{
    public Territory(IReadOnlyList<District> codes, string shortName, double weight, double momentum)
    {
        Codes = codes;
        ShortName = shortName;
        Weight = weight;
        Momentum = momentum;
    }

    /// <summary>Oldest first; the last is the current code.</summary>
    public IReadOnlyList<District> Codes { get; }

    /// <summary>The place word used in company names, e.g. 璧山.</summary>
    public string ShortName { get; }

    /// <summary>Relative number of firms.</summary>
    public double Weight { get; }

    /// <summary>How strongly the district pushes the plan (1 = average); drives who is on track.</summary>
    public double Momentum { get; }

    public District Current => Codes[^1];

    public bool HasChanged => Codes.Count > 1;

    /// <summary>The division in force on <paramref name="date"/>.</summary>
    public District On(DateOnly date)
    {
        foreach (var code in Codes)
        {
            if (code.ValidTo is null || date < code.ValidTo.Value)
            {
                return code;
            }
        }

        return Current;
    }

    /// <summary>The code that was replaced before <paramref name="date"/>, if the territory changed by then.</summary>
    public District? FormerOn(DateOnly date)
    {
        var current = On(date);
        var index = -1;
        for (var i = 0; i < Codes.Count; i++)
        {
            if (ReferenceEquals(Codes[i], current))
            {
                index = i;
            }
        }

        return index > 0 ? Codes[index - 1] : null;
    }
}
