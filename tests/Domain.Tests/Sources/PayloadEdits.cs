using System.Globalization;
using System.Text.Json.Nodes;
using MonaSpark.Domain.Sources;
using MonaSpark.Domain.Validation;
using MonaSpark.TestKit;

namespace MonaSpark.Domain.Tests.Sources;

/// <summary>Edits a recorded payload at a dotted path (<c>statistics.subscriberCount</c>, <c>images[0].url</c>).</summary>
internal static class PayloadEdits
{
    /// <summary>The value that removes the property instead of setting it.</summary>
    public const string Remove = "<remove>";

    public static readonly DateTimeOffset Now = Samples.Epoch;

    public static readonly DateTimeOffset FetchedAt = Samples.Epoch.AddMinutes(-5);

    public static JsonObject Edit(JsonObject root, string path, object? value)
    {
        var parts = path.Split('.');
        JsonNode node = root;
        foreach (var part in parts[..^1])
        {
            node = Step(node, part)!;
        }

        var last = parts[^1];
        if (last.EndsWith(']'))
        {
            var bracket = last.IndexOf('[', StringComparison.Ordinal);
            var array = node[last[..bracket]]!.AsArray();
            array[int.Parse(last[(bracket + 1)..^1], CultureInfo.InvariantCulture)] = value is null ? null : JsonValue.Create(value);
            return root;
        }

        var target = node.AsObject();
        if (value is Remove)
        {
            target.Remove(last);
        }
        else
        {
            target[last] = value is null ? null : JsonValue.Create(value);
        }

        return root;
    }

    private static JsonNode? Step(JsonNode node, string part)
    {
        var bracket = part.IndexOf('[', StringComparison.Ordinal);
        if (bracket < 0)
        {
            return node[part];
        }

        var index = int.Parse(part[(bracket + 1)..^1], CultureInfo.InvariantCulture);
        return node[part[..bracket]]![index];
    }

    public static SourceRecord Record(SourceKind source, string externalId, string payload, DateTimeOffset? fetchedAt = null) =>
        new(SourceRecord.IdFor(source, externalId, payload), source, externalId, payload, fetchedAt ?? FetchedAt);

    public static void ShouldReport(this ValidationResult<Domain.Validation.SourceProfile> result, string field, string code)
    {
        result.IsValid.ShouldBeFalse();
        result.Failures.ShouldContain(f => f.Field == field && f.Code == code, $"expected {field} {code}; got {string.Join("; ", result.Failures.Select(f => $"{f.Field} {f.Code}"))}");
    }
}
