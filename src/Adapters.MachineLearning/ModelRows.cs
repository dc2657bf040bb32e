using Microsoft.ML;
using Microsoft.ML.Data;
using MonaSpark.Domain.Features;

namespace MonaSpark.Adapters.MachineLearning;

/// <summary>The row ML.NET reads: the feature vector, and for training the label and the value.</summary>
internal sealed class ModelInput
{
    public float[] Features { get; set; } = [];

    public bool Label { get; set; }

    /// <summary>log(1 + lifetime value in major units): values span orders of magnitude.</summary>
    public float Value { get; set; }

    /// <summary>The schema with the vector's size fixed to the feature set's.</summary>
    public static SchemaDefinition Schema()
    {
        var schema = SchemaDefinition.Create(typeof(ModelInput));
        schema[nameof(Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, FeatureSetV1.Count);
        return schema;
    }

    public static ModelInput From(FeatureVector vector) => new() { Features = [.. vector.Values] };

    public static IDataView Load(MLContext ml, IEnumerable<ModelInput> rows) => ml.Data.LoadFromEnumerable(rows, Schema());
}

internal sealed class ConversionOutput
{
    public float Probability { get; set; }
}

internal sealed class ExplainedConversionOutput
{
    public float Probability { get; set; }

    public float[] FeatureContributions { get; set; } = [];
}

internal sealed class ValueOutput
{
    public float Score { get; set; }
}
