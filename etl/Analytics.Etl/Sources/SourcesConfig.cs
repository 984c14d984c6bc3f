namespace Analytics.Etl.Sources;

/// <summary>A validated sources configuration: the file it was read from and its sources, in file order.</summary>
/// <param name="ConfigFile">The absolute path of the configuration file.</param>
/// <param name="Sources">The sources, in the order the file lists them; names are unique.</param>
public sealed record SourcesConfig(string ConfigFile, IReadOnlyList<SourceDefinition> Sources);
