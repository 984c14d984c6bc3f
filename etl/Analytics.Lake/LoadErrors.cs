namespace Analytics.Lake;

/// <summary>A file of the load could not be read at all (wrong encoding, not a workbook, missing columns…): nothing was published.</summary>
public sealed class LoadRefusedException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>Rows in did not equal rows loaded plus rows quarantined plus blank lines: nothing was published.</summary>
public sealed class RowConservationException(string message) : Exception(message);

/// <summary>Another load holds the lake's load lock (<c>lake/_load.lock</c>): nothing was done; the message names the holder.</summary>
public sealed class LakeBusyException(string message) : Exception(message);
