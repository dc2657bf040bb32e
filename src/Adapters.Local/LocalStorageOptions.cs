using System.ComponentModel.DataAnnotations;

namespace MonaSpark.Adapters.Local;

/// <summary>Where the embedded host keeps its data. Section <c>MonaSpark:Local</c>.</summary>
public sealed class LocalStorageOptions
{
    public const string SectionName = "MonaSpark:Local";

    /// <summary>
    /// The data directory holding <c>monaspark.db</c> and its <c>monaspark.json</c> marker
    /// (default <c>./.monaspark</c>, relative to the working directory, so a project folder carries its own data).
    /// It is created when missing; an existing non-empty directory without the marker is refused.
    /// </summary>
    [Required]
    public string DataDirectory { get; set; } = "./.monaspark";
}
