namespace MonaSpark.Adapters.Azure.Tests;

/// <summary>Every test that talks to Azurite joins this collection, so the connectivity check runs once.</summary>
[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
