using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace MonaSpark.Adapters.Copywriting.Templates;

/// <summary>
/// A small template language, three constructs, applied in this order:
/// <list type="bullet">
/// <item><c>{{one|two|three}}</c>: an alternative, picked by a stable hash of the seed (artist,
/// variant, channel) and the alternative's position, so an artist always gets the same wording;</item>
/// <item><c>[[ … ]]</c>: an optional block, dropped when a value it names is missing, or to make the
/// text fit (the last blocks go first);</item>
/// <item><c>{key}</c>: a value (a profile fact, the sender, the link), inserted as is: values are never
/// parsed as template syntax, so profile text cannot inject any.</item>
/// </list>
/// Spaces are then tidied: runs of spaces folded, lines trimmed, at most one blank line in a row.
/// </summary>
internal static partial class TemplateEngine
{
    /// <summary>Renders <paramref name="template"/>, dropping the last <paramref name="dropBlocks"/> optional blocks.</summary>
    /// <exception cref="InvalidOperationException">A value named outside any optional block is missing (a template bug).</exception>
    public static string Render(string template, IReadOnlyDictionary<string, string> values, string seed, int dropBlocks = 0)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(values);
        var slot = 0;
        var chosen = Alternative().Replace(template, m =>
        {
            var options = m.Groups[1].Value.Split('|');
            return options[Pick(seed, slot++, options.Length)];
        });

        var blocks = OptionalBlock().Count(chosen);
        var index = 0;
        var kept = OptionalBlock().Replace(chosen, m =>
        {
            var keep = index++ < blocks - dropBlocks && Keys(m.Groups[1].Value).All(values.ContainsKey);
            return keep ? m.Groups[1].Value : string.Empty;
        });

        var filled = Key().Replace(kept, m => values.TryGetValue(m.Groups[1].Value, out var value)
            ? value
            : throw new InvalidOperationException($"The template needs '{m.Groups[1].Value}', which is not optional."));
        return Tidy(filled);
    }

    /// <summary>How many optional blocks <paramref name="template"/> has.</summary>
    public static int OptionalBlocks(string template) => OptionalBlock().Count(template);

    /// <summary>True when every value <paramref name="template"/> names outside optional blocks is present.</summary>
    public static bool CanRender(string template, IReadOnlyDictionary<string, string> values) =>
        Keys(OptionalBlock().Replace(template, string.Empty)).All(values.ContainsKey);

    private static IEnumerable<string> Keys(string text) => Key().Matches(text).Select(m => m.Groups[1].Value);

    /// <summary>A stable choice among <paramref name="count"/> for <paramref name="seed"/> and <paramref name="slot"/>.</summary>
    public static int Pick(string seed, int slot, int count)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{seed}#{slot}"));
        return (int)(BitConverter.ToUInt32(hash, 0) % (uint)count);
    }

    private static string Tidy(string text)
    {
        var lines = text.Split('\n').Select(line => Spaces().Replace(line, " ").Trim());
        var joined = string.Join('\n', lines);
        return BlankLines().Replace(joined, "\n\n").Trim();
    }

    [GeneratedRegex(@"\{\{((?:[^{}]|\{[a-z_]+\})*)\}\}", RegexOptions.CultureInvariant)]
    private static partial Regex Alternative();

    [GeneratedRegex(@"\[\[(.*?)\]\]", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex OptionalBlock();

    [GeneratedRegex(@"\{([a-z_]+)\}", RegexOptions.CultureInvariant)]
    private static partial Regex Key();

    [GeneratedRegex(@"[ ]{2,}", RegexOptions.CultureInvariant)]
    private static partial Regex Spaces();

    [GeneratedRegex(@"\n{3,}", RegexOptions.CultureInvariant)]
    private static partial Regex BlankLines();
}
