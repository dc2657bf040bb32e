namespace MonaSpark.Adapters.Messaging;

internal static class Truncate
{
    /// <summary><paramref name="text"/> cut to at most <paramref name="max"/> UTF-16 units, never between the halves of a surrogate pair.</summary>
    public static string? To(string? text, int max)
    {
        if (text is null || text.Length <= max)
        {
            return text;
        }

        var end = char.IsHighSurrogate(text[max - 1]) ? max - 1 : max;
        return text[..end];
    }
}
