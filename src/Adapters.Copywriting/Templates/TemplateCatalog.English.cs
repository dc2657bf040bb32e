using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Outreach.Copy;

namespace MonaSpark.Adapters.Copywriting.Templates;

/// <summary>English texts.</summary>
internal static partial class TemplateCatalog
{
    private const string En = CopyLanguage.English;

    private static CopyTemplate[] English =>
    [
        new(En, ContactChannel.Email, "intro", ["A quick hello from {company}", "Your music and {company}", "An idea for your music"], """
            {{Hi|Hello}} {artist},

            This is {sender} at {company}.[[ We came across your music on {main_platform}, where {main_followers} people follow you.]][[ Your {genre} sound stood out.]]

            {company} works with independent artists to help them grow their audience and their projects. {{We would love to show you how.|We think it could help you too.}}

            {{You can see what we have in mind here|Here is what we have in mind}}: {landing}

            {{Best|Cheers|Warm regards}},
            {sender}, {company}
            """),
        new(En, ContactChannel.Email, "momentum", ["Your {growth_rate} on {growth_platform}", "Your momentum, and what comes next", "Keep the momentum going"], """
            {{Hi|Hello}} {artist},

            [[Your audience on {growth_platform} grew by {growth_rate} in the last {growth_days} days. {{That is the kind of momentum we love to see.|Momentum like that deserves a plan.}}]][[ You now have {main_followers} followers on {main_platform}.]]

            This is {sender} at {company}. We work with independent artists to turn a growing audience into a lasting project, and we would love to show you how.

            {{Take a look|See what we have in mind}}: {landing}

            {{Best|Cheers}},
            {sender}, {company}
            """),
        new(En, ContactChannel.Email, "followup", ["Following up", "A quick follow-up from {company}"], """
            {{Hi|Hello}} {artist},

            {{Just a short follow-up on my earlier message.|A quick follow-up to my last message.}}[[ Your {main_followers} followers on {main_platform} are a great base to build on.]] If you would like to talk, everything is here: {landing}

            {{Thanks|Best}},
            {sender}, {company}
            """),
        new(En, ContactChannel.Sms, "intro", [], "{{Hi|Hello}}[[ {artist}]]![[ {main_followers} followers on {main_platform}, nice work.]] {company} helps independent artists grow: {landing}"),
        new(En, ContactChannel.Sms, "momentum", [], "{{Hi|Hello}}[[ {artist}]]![[ {growth_rate} on {growth_platform} in {growth_days} days, great momentum.]] {company} helps artists keep it going: {landing}"),
        new(En, ContactChannel.Sms, "followup", [], "{{Hi|Hello}}[[ {artist}]], a quick follow-up from {company}: {landing}"),
        new(En, ContactChannel.DirectMessage, "intro", [], """
            {{Hi|Hello}}[[ {artist}]]! This is {sender} at {company}.[[ We found your music on {main_platform}, where {main_followers} people follow you.]][[ Your {genre} sound stood out.]]

            {company} works with independent artists to help them grow their audience and their projects. {{Curious?|Interested?}} Here is what we have in mind: {landing}
            """),
        new(En, ContactChannel.DirectMessage, "momentum", [], """
            {{Hi|Hello}}[[ {artist}]]![[ Your audience on {growth_platform} grew by {growth_rate} in {growth_days} days: great momentum.]] This is {sender} at {company}. We help independent artists turn a growing audience into a lasting project. Take a look: {landing}
            """),
        new(En, ContactChannel.DirectMessage, "followup", [], """
            {{Hi|Hello}}[[ {artist}]], a quick follow-up to my last message, from {company}. If you would like to talk, everything is here: {landing}
            """),
        new(En, ContactChannel.WebPush, "intro", ["News from {company}", "A note from {company}"], "{company} has something for you[[, {artist}]]: {landing}"),
        new(En, ContactChannel.WebPush, "momentum", ["Keep the momentum going"], "[[{growth_rate} on {growth_platform} in {growth_days} days. ]]{company} has ideas for what comes next: {landing}"),
        new(En, ContactChannel.WebPush, "followup", ["A quick follow-up", "Following up"], "A quick follow-up from {company}[[ for {artist}]]: {landing}"),
    ];
}
