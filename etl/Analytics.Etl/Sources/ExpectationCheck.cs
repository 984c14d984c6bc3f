namespace Analytics.Etl.Sources;

/// <summary>Compares fetched content with the sha256 and length a source's configuration promises.</summary>
internal static class ExpectationCheck
{
    /// <summary>Why the content is refused, or null when it is what the configuration expects (or it expects nothing).</summary>
    public static string? Mismatch(SourceDefinition source, string sha256, long length, string origin)
    {
        if (source.ExpectedLength is { } expectedLength && expectedLength != length)
        {
            return $"Refused {origin}: it is {length} bytes, but the configuration expects {expectedLength} "
                + $"({source.ConfigFile}, {source.JsonPath}.length). The file is incomplete or a different one; "
                + "fetch it again, or update 'length' if the new file is the right one.";
        }

        if (source.ExpectedSha256 is { } expectedSha && expectedSha != sha256)
        {
            return $"Refused {origin}: its sha256 is {sha256}, but the configuration expects {expectedSha} "
                + $"({source.ConfigFile}, {source.JsonPath}.sha256). The file is corrupt or a different one; "
                + "fetch it again, or update 'sha256' if the new file is the right one.";
        }

        return null;
    }
}
