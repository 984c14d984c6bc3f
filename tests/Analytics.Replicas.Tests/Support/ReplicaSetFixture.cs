namespace Analytics.Replicas.Tests.Support;

/// <summary>Three replicas behind nginx, shared by the tests of a class (each test leaves all three running).</summary>
public sealed class ReplicaSetFixture : IAsyncLifetime
{
    internal ReplicaSet Set { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(Nginx.Binary) || !File.Exists(Wrk.Binary))
        {
            throw new InvalidOperationException($"The replicas tests need Debian's nginx ({Nginx.Binary}) and wrk ({Wrk.Binary}): run bash scripts/setup-machine.sh");
        }

        // A console query long enough to be in flight when its replica is told to stop.
        Set = await ReplicaSet.StartAsync(3, "--Analytics:SqlConsole:TimeoutSeconds=60");
    }

    public async Task DisposeAsync() => await Set.DisposeAsync();
}
