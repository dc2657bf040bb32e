using System.Reflection;
using MonaSpark.Application.Ports;
using MonaSpark.Domain.Artists;
using MonaSpark.Edge.Dashboard;
using NetArchTest.Rules;

namespace MonaSpark.Architecture.Tests;

/// <summary>The hexagon's rule: the core knows no infrastructure. Adapters depend on the core, never the reverse.</summary>
public class LayeringTests
{
    /// <summary>Namespaces and assembly names of infrastructure the core must never touch.</summary>
    private static readonly string[] Infrastructure =
    [
        "Azure", "Stripe", "Microsoft.Playwright", "Microsoft.ML", "Microsoft.Data.Sqlite", "SQLitePCLRaw",
        "Microsoft.Azure", "Microsoft.AspNetCore", "Microsoft.DurableTask.Client", "Microsoft.DurableTask.Worker",
        "OpenTelemetry", "Grpc", "MonaSpark.Adapters", "MonaSpark.Composition", "MonaSpark.LocalHost", "MonaSpark.Functions",
    ];

    private static readonly Assembly Domain = typeof(Artist).Assembly;
    private static readonly Assembly Application = typeof(IArtistStore).Assembly;
    private static readonly Assembly Edge = typeof(DashboardPage).Assembly;

    public static TheoryData<string> CoreAssemblies => new() { Domain.GetName().Name!, Application.GetName().Name!, Edge.GetName().Name! };

    private static Assembly Load(string name) => new[] { Domain, Application, Edge }.Single(a => a.GetName().Name == name);

    [Theory]
    [MemberData(nameof(CoreAssemblies))]
    public void CoreAssembly_ReferencesNoInfrastructureAssembly(string assembly)
    {
        var references = Load(assembly).GetReferencedAssemblies().Select(r => r.Name!).ToList();

        references.Where(r => Infrastructure.Any(i => r == i || r.StartsWith(i + ".", StringComparison.Ordinal))).ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(CoreAssemblies))]
    public void CoreTypes_DependOnNoInfrastructureNamespace(string assembly)
    {
        var result = Types.InAssembly(Load(assembly)).ShouldNot().HaveDependencyOnAny(Infrastructure).GetResult();

        (result.FailingTypeNames ?? []).ShouldBeEmpty();
    }

    [Fact]
    public void Domain_ReferencesOnlyTheBaseClassLibrary()
    {
        var references = Domain.GetReferencedAssemblies().Select(r => r.Name!).ToList();

        references.ShouldAllBe(r => r == "netstandard" || r == "mscorlib" || r.StartsWith("System", StringComparison.Ordinal));
    }

    [Fact]
    public void Domain_DoesNotDependOnApplication()
    {
        var result = Types.InAssembly(Domain).ShouldNot().HaveDependencyOn("MonaSpark.Application").GetResult();

        (result.FailingTypeNames ?? []).ShouldBeEmpty();
    }

    [Fact]
    public void Ports_AreInterfacesNamedForTheirCapability()
    {
        var ports = Types.InAssembly(Application).That().ResideInNamespace("MonaSpark.Application.Ports").And().AreInterfaces().GetTypes().ToList();

        ports.Count.ShouldBeGreaterThanOrEqualTo(12);
        ports.ShouldAllBe(t => t.Name.StartsWith('I'));
    }

    [Fact]
    public void Checks_CanFail_WhenAnInfrastructureReferenceExists()
    {
        // Guards the rule itself: the test assembly references xunit, so the same check must flag it.
        var result = Types.InAssembly(typeof(LayeringTests).Assembly).ShouldNot().HaveDependencyOnAny("Xunit").GetResult();

        result.IsSuccessful.ShouldBeFalse();
    }
}
