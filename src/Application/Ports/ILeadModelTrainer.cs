using MonaSpark.Domain.Features;

namespace MonaSpark.Application.Ports;

/// <summary>
/// Trains the lead models (p(convert), calibrated, and expected lifetime value) from labelled feature
/// vectors, and loads a serialised model back as an <see cref="ILeadScorer"/>.
/// </summary>
public interface ILeadModelTrainer
{
    /// <summary>Trains on <paramref name="examples"/>; deterministic for the same examples and <paramref name="seed"/>.</summary>
    TrainedLeadModel Train(string modelId, IReadOnlyList<TrainingExample> examples, int seed);

    /// <summary>The scorer of a model <see cref="Train"/> produced.</summary>
    ILeadScorer Load(string modelId, ReadOnlyMemory<byte> content);
}

/// <summary>One outcome: the artist's features at decision time, whether it converted, and what it paid (minor units).</summary>
public sealed record TrainingExample(FeatureVector Features, bool Converted, long ValueMinor);

/// <summary>A trained model: its serialised form and a scorer for it.</summary>
public sealed record TrainedLeadModel(byte[] Content, ILeadScorer Scorer);
