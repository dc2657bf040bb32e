namespace MonaSpark.TestKit;

/// <summary>
/// Strings that try to break out of every HTML context a page puts text in: element text, quoted
/// attributes, URLs, inline style, comments, and parser quirks (mutation XSS, unclosed tags, entities,
/// bidi controls, NUL). <see cref="All"/> combines a set of payloads with prefixes and suffixes that
/// close a context first, deterministically, into 500 distinct strings.
/// </summary>
public static class HostileStrings
{
    public static readonly IReadOnlyList<string> Payloads =
    [
        "<script>alert(1)</script>",
        "<ScRiPt>alert(document.cookie)</sCrIpT>",
        "<img src=x onerror=alert(1)>",
        "<svg/onload=alert(1)>",
        "<svg><script>alert(1)</script></svg>",
        "<iframe src=\"javascript:alert(1)\"></iframe>",
        "<a href=\"javascript:alert(1)\">click</a>",
        "<body onload=alert(1)>",
        "<input autofocus onfocus=alert(1)>",
        "<details open ontoggle=alert(1)>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
        "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
        "<style>body{background:url(javascript:alert(1))}</style>",
        "<link rel=stylesheet href=https://evil.example/x.css>",
        "<meta http-equiv=refresh content=\"0;url=https://evil.example\">",
        "<base href=https://evil.example/>",
        "<form action=https://evil.example><button>go</button></form>",
        "<object data=\"data:text/html,<script>alert(1)</script>\"></object>",
        "<embed src=javascript:alert(1)>",
        "<template><script>alert(1)</script></template>",
        "javascript:alert(1)",
        "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
        "{{constructor.constructor('alert(1)')()}}",
        "${alert(1)}",
        "&lt;script&gt;alert(1)&lt;/script&gt;",
        "&#60;script&#62;alert(1)&#60;/script&#62;",
        "\u202Egnp.exe\u202C<b>bidi</b>",
        "nul\0<script>alert(1)</script>",
        "<!--<script>alert(1)//-->",
        "<![CDATA[<script>alert(1)</script>]]>",
        "<div style=\"width:expression(alert(1))\">x</div>",
        "<video><source onerror=alert(1)></video>",
        "<marquee onstart=alert(1)>x</marquee>",
        "<select autofocus onfocus=alert(1)></select>",
        "<textarea></textarea><script>alert(1)</script>",
        "<title></title><script>alert(1)</script>",
        "<plaintext><script>alert(1)</script>",
        "<xmp></xmp><script>alert(1)</script>",
        "<img src=\"x\" srcset=\"javascript:alert(1)\">",
        "<a href=\"&#106;avascript:alert(1)\">x</a>",
    ];

    /// <summary>What a payload is put after: nothing, or something that closes the context it lands in.</summary>
    private static readonly string[] Prefixes = ["", "\">", "'>", "</h1>", "</style>", "--!>", "</title>", "\" onmouseover=\"alert(1)", "' autofocus onfocus='alert(1)", "</textarea>", "]]>", "`;"];

    private static readonly string[] Suffixes = ["", "<!--", "\"", "<b>", "&amp;", " x=\"", "</p></main>"];

    /// <summary>500 distinct hostile strings, the same every run.</summary>
    public static IReadOnlyList<string> All { get; } = Build(500);

    private static List<string> Build(int count)
    {
        var random = new Random(20261207);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var all = new List<string>(count);
        foreach (var payload in Payloads)
        {
            if (seen.Add(payload))
            {
                all.Add(payload);
            }
        }

        while (all.Count < count)
        {
            var value = Prefixes[random.Next(Prefixes.Length)] + Payloads[random.Next(Payloads.Count)] + Suffixes[random.Next(Suffixes.Length)];
            if (seen.Add(value))
            {
                all.Add(value);
            }
        }

        return all;
    }
}
