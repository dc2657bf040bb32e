using System.Text.Json;
using MonaSpark.Application.Ports;

namespace MonaSpark.Functions.Triggers;

/// <summary>Reads a work queue message: a <see cref="WorkItem"/> as camelCase JSON, every field present and non-empty.</summary>
internal static class WorkItemMessage
{
    /// <summary>The kind recorded on the dead letter of a message that is not a work item (as the queue adapter records it).</summary>
    public const string UnreadableKind = "unreadable";

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    public static bool TryParse(string message, out WorkItem item, out string error)
    {
        item = null!;
        try
        {
            var parsed = JsonSerializer.Deserialize<WorkItem>(message ?? "", Options);
            if (parsed is null || string.IsNullOrWhiteSpace(parsed.Id) || string.IsNullOrWhiteSpace(parsed.Kind) || string.IsNullOrWhiteSpace(parsed.SubjectId))
            {
                error = "id, kind and subjectId are required.";
                return false;
            }

            item = parsed;
            error = "";
            return true;
        }
        catch (JsonException ex)
        {
            // The message names the JSON path and position, never the payload.
            error = ex.Message;
            return false;
        }
    }
}
