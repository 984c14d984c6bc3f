using System.Security.Claims;
using Analytics.Dashboard.Data;
using Analytics.Dashboard.Localization;

namespace Analytics.Dashboard.Exports;

/// <summary>
/// The lines a download carries about itself, in the reader's language: the plan, what was chosen (indicator, year,
/// filters), the unit, the sources, the snapshot and its build time, when it was exported, and — when cells were
/// withheld — for whom, so a forwarded file says why some of its cells are empty.
/// </summary>
internal sealed class ExportContext(Warehouse w, UiContext ui, ClaimsPrincipal user, TimeProvider clock)
{
    /// <summary>"label: value" in the reader's language.</summary>
    public string Line(string labelKey, string value) => string.Format(ui.Culture, ui["ExportLine"], ui[labelKey], value);

    /// <summary>The plan's line: its code and name.</summary>
    public string Plan(PlanInfo plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return Line("Plan", plan.Plan + " " + ui.Pick(plan.NameZh, plan.NameEn));
    }

    /// <summary>The lines every download ends with: sources, snapshot, export time and (when cells were withheld) the reader's note.</summary>
    public IEnumerable<string> Footer(string sources, bool withheld)
    {
        yield return Line("Source", sources);
        var snapshot = w.Snapshot is { } s ? Path.GetFileName(s.Path) : "—";
        yield return Line("Snapshot", w.Catalog.BuiltAt is { } built ? $"{snapshot} · {ui["BuiltAt"]} {ui.DateTime(built)}" : snapshot);
        yield return Line("ExportGeneratedAt", ui.DateTime(clock.GetUtcNow()));
        if (withheld)
        {
            var role = Analytics.Accounts.Roles.All.FirstOrDefault(user.IsInRole) ?? "none";
            yield return Line("SmallCell", string.Format(ui.Culture, ui["ExportWithheldNote"], ui["Role_" + role]));
        }
    }
}
