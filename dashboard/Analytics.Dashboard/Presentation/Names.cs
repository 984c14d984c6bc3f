using Analytics.Dashboard.Data;
using Analytics.Dashboard.Localization;

namespace Analytics.Dashboard.Presentation;

/// <summary>Names of the marts' keys in the reader's language: districts, industry groups, size classes, a cell.</summary>
public static class Names
{
    /// <summary>A size class: 小型 / Small (the catalog's English name, capitalised; an unknown class keeps its code).</summary>
    public static string Size(SizeClassInfo s, UiContext ui)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(ui);
        return Size(s.Code, s.NameEn, ui);
    }

    /// <summary>A size class by its code.</summary>
    public static string Size(string code, string? nameEn, UiContext ui)
    {
        ArgumentNullException.ThrowIfNull(ui);
        if (code == Filters.All)
        {
            return ui["AllSizes"];
        }

        var label = ui["Size_" + code];
        if (label != "Size_" + code)
        {
            return label;
        }

        return ui.English && !string.IsNullOrWhiteSpace(nameEn) ? char.ToUpperInvariant(nameEn[0]) + nameEn[1..] : code;
    }

    /// <summary>A district's name (the whole city for ALL).</summary>
    public static string District(SnapshotCatalog catalog, string plan, string code, UiContext ui)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(ui);
        return code == Filters.All ? ui["WholeCity"] : Unknown(catalog.DistrictName(plan, code, ui.English), ui);
    }

    /// <summary>An industry group's name (all industries for ALL).</summary>
    public static string Industry(SnapshotCatalog catalog, string plan, string code, UiContext ui)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(ui);
        return code == Filters.All ? ui["AllIndustries"] : Unknown(catalog.IndustryName(plan, code, ui.English), ui);
    }

    /// <summary>A cell as words: 渝中区 · 装备制造 · 小型 (the whole city when nothing is chosen).</summary>
    public static string Cell(SnapshotCatalog catalog, string plan, CellFilter cell, UiContext ui)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(cell);
        ArgumentNullException.ThrowIfNull(ui);
        var parts = new List<string> { District(catalog, plan, cell.District, ui) };
        if (cell.Industry != Filters.All)
        {
            parts.Add(Industry(catalog, plan, cell.Industry, ui));
        }

        if (cell.Size != Filters.All)
        {
            var size = catalog.SizeClasses.FirstOrDefault(s => s.Code == cell.Size);
            parts.Add(Size(cell.Size, size?.NameEn, ui));
        }

        return string.Join(" · ", parts);
    }

    /// <summary>The marts' placeholders for an unknown place or group (UNKNOWN, 未知) in the reader's language.</summary>
    private static string Unknown(string name, UiContext ui) => name is "UNKNOWN" or "未知" ? ui["Unknown"] : name;
}
