using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Analytics.Dashboard.Snapshots;

namespace Analytics.Dashboard.Presentation;

/// <summary>
/// The rendered HTML of page parts that depend only on the snapshot, the language, what the reader may see and the
/// part's own parameters (the status grid, an indicator's charts and tables). A snapshot never changes, so a part
/// rendered once is right for every later reader with the same key; rendering the overview's ~400 grid cells was most
/// of its time (700 requests/s against 8,000 for a page without them, on 2 cores). Bounded by
/// <see cref="AnalyticsOptions.FragmentCacheMB"/>; entries of a retired snapshot are never asked for again and age out.
/// </summary>
public sealed class FragmentCache : IDisposable
{
    private readonly MemoryCache? _cache;

    /// <summary>A cache as large as the options say (none when 0).</summary>
    public FragmentCache(IOptions<AnalyticsOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var mb = options.Value.FragmentCacheMB;
        _cache = mb > 0 ? new MemoryCache(new MemoryCacheOptions { SizeLimit = mb * 1024L * 1024 / sizeof(char), CompactionPercentage = 0.25 }) : null;
    }

    /// <summary>Parts rendered (cache misses), for tests and the benchmark.</summary>
    public long Rendered => Interlocked.Read(ref _rendered);

    private long _rendered;

    /// <summary>The HTML of <paramref name="content"/> under <paramref name="key"/>, rendered with the request's services when not held.</summary>
    public async ValueTask<string> GetOrRender(string key, IServiceProvider services, RenderFragment content)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (_cache is not null && _cache.TryGetValue(key, out string? held) && held is not null)
        {
            return held;
        }

        var html = await Render(services, content).ConfigureAwait(false);
        Interlocked.Increment(ref _rendered);
        _cache?.Set(key, html, new MemoryCacheEntryOptions { Size = Math.Max(1, html.Length), SlidingExpiration = TimeSpan.FromMinutes(30) });
        return html;
    }

    private static async Task<string> Render(IServiceProvider services, RenderFragment content)
    {
        await using var renderer = new HtmlRenderer(services, services.GetRequiredService<ILoggerFactory>());
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await renderer.RenderComponentAsync<FragmentHost>(ParameterView.FromDictionary(new Dictionary<string, object?> { [nameof(FragmentHost.Content)] = content }));
            return output.ToHtmlString();
        }).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public void Dispose() => _cache?.Dispose();

    /// <summary>Renders the fragment it is given.</summary>
    private sealed class FragmentHost : ComponentBase
    {
        [Parameter] public RenderFragment? Content { get; set; }

        protected override void BuildRenderTree(Microsoft.AspNetCore.Components.Rendering.RenderTreeBuilder builder) => builder.AddContent(0, Content);
    }
}
