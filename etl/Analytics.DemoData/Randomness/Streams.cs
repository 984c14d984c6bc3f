namespace Analytics.DemoData.Randomness;

/// <summary>Keys that separate the random streams of different decisions, so adding a decision never shifts another.</summary>
internal static class Streams
{
    public const ulong Enterprise = 1;
    public const ulong Momentum = 2;
    public const ulong SizeYear = 3;
    public const ulong Registry = 4;
    public const ulong Recognition = 5;
    public const ulong Patent = 6;
    public const ulong RdSpend = 7;
    public const ulong Survey = 8;
    public const ulong Dirt = 9;
    public const ulong Institution = 10;
    public const ulong Person = 11;
}
