using MonaSpark.Domain.Resolution;

namespace MonaSpark.Domain.Tests.Resolution;

public class NameKeyTests
{
    [Theory]
    [InlineData("The Black Keys", "black keys")]
    [InlineData("BLACK KEYS!", "black keys")]
    [InlineData("  Black   Keys  ", "black keys")]
    [InlineData("Zélie Marée", "zelie maree")]
    [InlineData("Sigur Rós", "sigur ros")]
    [InlineData("Mø", "mo")]
    [InlineData("Die Ärzte", "arzte")]
    [InlineData("Straßenjungs", "strassenjungs")]
    [InlineData("L'Impératrice", "imperatrice")]
    [InlineData("L’Impératrice", "imperatrice")]
    [InlineData("Les Négresses Vertes", "negresses vertes")]
    [InlineData("Le Tigre", "tigre")]
    [InlineData("La Femme", "femme")]
    [InlineData("Los Lobos", "lobos")]
    [InlineData("Las Migas", "migas")]
    [InlineData("El Guincho", "guincho")]
    [InlineData("Der Plan", "plan")]
    [InlineData("Das Ich", "ich")]
    [InlineData("Simon & Garfunkel", "simon garfunkel")]
    [InlineData("Simon and Garfunkel", "simon garfunkel")]
    [InlineData("Simon et Garfunkel", "simon garfunkel")]
    [InlineData("Earth, Wind & Fire", "earth wind fire")]
    [InlineData("Guns N' Roses", "guns n roses")]
    [InlineData("AC/DC", "ac dc")]
    [InlineData("Ｍｏｎａ", "mona")]
    [InlineData("Œil de Bœuf", "oeil de boeuf")]
    public void Of_NormalisesSpellings(string name, string expected) => NameKey.Of(name).ShouldBe(expected);

    [Theory]
    [InlineData("The The", "the")]
    [InlineData("The", "the")]
    [InlineData("Die", "die")]
    [InlineData("!!!", "!!!")]
    public void Of_NeverEmptiesARealName(string name, string expected) => NameKey.Of(name).ShouldBe(expected);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Of_Blank_IsEmpty(string? name) => NameKey.Of(name).ShouldBeEmpty();

    [Fact]
    public void Of_ArticleInsideTheName_IsKept() => NameKey.Of("Florence and the Machine").ShouldBe("florence the machine");

    [Fact]
    public void Of_NonLatinScript_IsKept() => NameKey.Of("Кино").ShouldBe("кино");

    [Fact]
    public void AreSame_EqualKeys_True() => NameKey.AreSame("The Black Keys", "black keys").ShouldBeTrue();

    [Fact]
    public void AreSame_BlankNames_False() => NameKey.AreSame(" ", "").ShouldBeFalse();

    [Fact]
    public void AreSame_DifferentNames_False() => NameKey.AreSame("Black Keys", "Black Sabbath").ShouldBeFalse();
}
