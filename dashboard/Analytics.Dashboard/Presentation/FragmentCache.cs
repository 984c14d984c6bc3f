using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Analytics.Dashboard.Accounts;
using Analytics.Dashboard.Localization;
using Analytics.Dashboard.Snapshots;

namespace Analytics.Dashboard.Presentation;

/// <summary>
/// The rendered HTML of page parts that depend only on the snapshot, the language, what the reader may see and the
/// part's own parameters (the status grid, an indicator's charts and tables). A snapshot never changes, so a part
/// rendered once is right for every later reader with the same key; rendering the overview's ~400 grid cells was most
/// of its time (700 requests/s against 8,000 for a page without them, on 2 cores). Bounded by
/// <see cref="AnalyticsOptions.FragmentCacheMB"/>; entries of a retired snapshot are never asked for again and age out.
/// </summary>
/// <remarks>
/// A new snapshot would start with no parts, and every reader after the switch would pay for a render (the indicator
/// pages' p99 rose by half during publishes). So the cache remembers how each part was asked for (a
/// <see cref="FragmentRecipe"/>), and before a new snapshot is served the watcher renders the most recently asked
/// parts against it (<see cref="Prerender"/>), on its own low-priority thread, within a time budget.
/// </remarks>
public sealed class FragmentCache : IDisposable
{
    private readonly MemoryCache? _cache;
    private readonly AnalyticsOptions _options;
    private readonly ConcurrentDictionary<string, (FragmentRecipe Recipe, long LastAsked)> _recipes = new(StringComparer.Ordinal);
    private long _rendered;
    private long _prerendered;

    /// <summary>A cache as large as the options say (none when 0).</summary>
    public FragmentCache(IOptions<AnalyticsOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        var mb = _options.FragmentCacheMB;
        _cache = mb > 0 ? new MemoryCache(new MemoryCacheOptions { SizeLimit = mb * 1024L * 1024 / sizeof(char), CompactionPercentage = 0.25 }) : null;
    }

    /// <summary>Parts rendered for a request (cache misses), for tests and the benchmark.</summary>
    public long Rendered => Interlocked.Read(ref _rendered);

    /// <summary>Parts rendered ahead of a switch (<see cref="Prerender"/>).</summary>
    public long Prerendered => Interlocked.Read(ref _prerendered);

    /// <summary>The HTML of <paramref name="recipe"/> in <paramref name="snapshot"/>, rendered with the request's services when not held.</summary>
    public async ValueTask<string> GetOrRender(FragmentRecipe recipe, string? snapshot, IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(recipe);
        ArgumentNullException.ThrowIfNull(services);
        if (_cache is null)
        {
            return await Render(services, recipe).ConfigureAwait(false);
        }

        Remember(recipe);
        var key = recipe.CacheKey(snapshot);
        if (_cache.TryGetValue(key, out string? held) && held is not null)
        {
            return held;
        }

        var html = await Render(services, recipe).ConfigureAwait(false);
        Interlocked.Increment(ref _rendered);
        Hold(key, html);
        return html;
    }

    /// <summary>
    /// Renders the parts asked for in the last <see cref="AnalyticsOptions.PrerenderMinutes"/> minutes against
    /// <paramref name="next"/>, most recent first, until <see cref="AnalyticsOptions.PrerenderSeconds"/> have passed;
    /// each in its own scope whose <see cref="RenderTarget"/> names the snapshot, the language and the reader, under the
    /// culture a request in that language has. Returns
    /// how many it rendered. A part that fails is left for its first request (which renders it, or shows the error).
    /// </summary>
    public int Prerender(SnapshotState next, IServiceScopeFactory scopes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(next);
        ArgumentNullException.ThrowIfNull(scopes);
        if (_cache is null || _options.PrerenderSeconds <= 0)
        {
            return 0;
        }

        var clock = Stopwatch.StartNew();
        var since = Stopwatch.GetTimestamp() - (long)(_options.PrerenderMinutes * 60 * Stopwatch.Frequency);
        var recent = _recipes.Values.Where(r => r.LastAsked >= since).OrderByDescending(r => r.LastAsked).Select(r => r.Recipe).ToList();
        var done = 0;
        foreach (var recipe in recent)
        {
            if (clock.Elapsed.TotalSeconds >= _options.PrerenderSeconds || cancellationToken.IsCancellationRequested)
            {
                break;
            }

            var key = recipe.CacheKey(next.Path);
            if (_cache.TryGetValue(key, out _))
            {
                continue;
            }

            using var scope = scopes.CreateScope();
            var target = scope.ServiceProvider.GetRequiredService<RenderTarget>();
            target.Snapshot = next;
            target.English = recipe.English;
            target.Disclosure = Disclosure.FromKey(recipe.Reader);
            // The culture a request in that language renders with (RequestCultureMiddleware sets it per request).
            var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = recipe.English ? RequestCultureMiddleware.English : RequestCultureMiddleware.Chinese;
            string html;
            try
            {
                html = Render(scope.ServiceProvider, recipe).AsTask().GetAwaiter().GetResult();
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                continue;
            }
            finally
            {
                (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
            }

            Hold(key, html);
            done++;
        }

        Interlocked.Add(ref _prerendered, done);
        return done;
    }

    /// <inheritdoc />
    public void Dispose() => _cache?.Dispose();

    private void Hold(string key, string html) =>
        _cache?.Set(key, html, new MemoryCacheEntryOptions { Size = Math.Max(1, html.Length), SlidingExpiration = TimeSpan.FromMinutes(30) });

    /// <summary>Notes that <paramref name="recipe"/> was asked for now; past the bound, forgets the older half.</summary>
    private void Remember(FragmentRecipe recipe)
    {
        _recipes[recipe.Id] = (recipe, Stopwatch.GetTimestamp());
        var bound = Math.Max(1, _options.PrerenderParts);
        if (_recipes.Count > 2 * bound)
        {
            foreach (var old in _recipes.OrderByDescending(r => r.Value.LastAsked).Skip(bound).ToList())
            {
                _recipes.TryRemove(old);
            }
        }
    }

    private static async ValueTask<string> Render(IServiceProvider services, FragmentRecipe recipe)
    {
        await using var renderer = new HtmlRenderer(services, services.GetRequiredService<ILoggerFactory>());
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await renderer.RenderComponentAsync(recipe.Part, ParameterView.FromDictionary(new Dictionary<string, object?>(recipe.Parameters)));
            return output.ToHtmlString();
        }).ConfigureAwait(false);
    }
}
