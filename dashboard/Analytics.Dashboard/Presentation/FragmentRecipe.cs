namespace Analytics.Dashboard.Presentation;

/// <summary>
/// How to render one cached page part again: the component and its parameters, for a language and what a reader may
/// see. The same recipe rendered against another snapshot gives that snapshot's part.
/// </summary>
/// <param name="Key">The part and its parameters as text (see <c>Cached.Key</c>).</param>
/// <param name="Part">The component.</param>
/// <param name="Parameters">Its parameters.</param>
/// <param name="English">Whether it is in English.</param>
/// <param name="Reader">What the reader may see (<see cref="Accounts.Disclosure.Key"/>).</param>
public sealed record FragmentRecipe(string Key, Type Part, IReadOnlyDictionary<string, object?> Parameters, bool English, string Reader)
{
    /// <summary>The recipe's identity, without the snapshot (made once: every cached part's request asks for it).</summary>
    public string Id { get; } = $"{(English ? "en" : "zh")}|{Reader}|{Key}";

    /// <summary>Its cache key in <paramref name="snapshot"/> (a file path).</summary>
    public string CacheKey(string? snapshot) => $"{snapshot}|{Id}";
}
