using Analytics.Dashboard.Accounts;
using Analytics.Dashboard.Snapshots;

namespace Analytics.Dashboard.Presentation;

/// <summary>
/// What a render outside a request is for (scoped; empty in a request, whose own snapshot, language and reader apply):
/// the <see cref="FragmentCache"/> renders the parts readers asked for recently against a snapshot about to be served,
/// in their language, for what they may see, before the switch.
/// </summary>
public sealed class RenderTarget
{
    /// <summary>The snapshot to read instead of the one served now.</summary>
    public SnapshotState? Snapshot { get; set; }

    /// <summary>Whether the part is in English, instead of the request's language.</summary>
    public bool? English { get; set; }

    /// <summary>What the reader may see, instead of the request's reader.</summary>
    public Disclosure? Disclosure { get; set; }
}
