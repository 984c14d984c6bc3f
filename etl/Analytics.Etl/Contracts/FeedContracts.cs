namespace Analytics.Etl.Contracts;

/// <summary>The five feed contracts.</summary>
public static class FeedContracts
{
    /// <summary>Every contract, in <see cref="FeedKind"/> order.</summary>
    public static IReadOnlyList<FeedContract> All { get; } =
    [
        RegistryContract.Contract,
        RecognitionsContract.Contract,
        PatentsContract.Contract,
        RdSpendContract.Contract,
        SurveyContract.Contract,
    ];

    /// <summary>The contract of <paramref name="kind"/>.</summary>
    public static FeedContract For(FeedKind kind) => All[(int)kind];
}
