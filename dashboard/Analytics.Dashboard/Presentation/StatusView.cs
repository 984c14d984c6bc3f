namespace Analytics.Dashboard.Presentation;

/// <summary>A status as shown: a CSS class for the colour, an icon and a label key, so it reads without colour too.</summary>
public sealed record StatusView(string CssClass, string Icon, string LabelKey)
{
    /// <summary>The view of a mart status (<c>on_track</c>, <c>at_risk</c>, <c>off_track</c> or null).</summary>
    public static StatusView Of(string? status) => status switch
    {
        "on_track" => new("on-track", "✔", "StatusOnTrack"),
        "at_risk" => new("at-risk", "▲", "StatusAtRisk"),
        "off_track" => new("off-track", "✖", "StatusOffTrack"),
        _ => new("no-status", "○", "StatusNone"),
    };
}
