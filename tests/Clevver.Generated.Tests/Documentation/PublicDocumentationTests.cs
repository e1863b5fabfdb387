using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;
using System.Xml.Linq;

namespace Clevver.Generated.Tests.Documentation;

/// <summary>
/// Checks that every public or protected member of Clevver.Generated has an entry in the package's
/// XML documentation file. The generated client disables CS1591, so the compiler alone does not.
/// </summary>
public class PublicDocumentationTests
{
    private const BindingFlags DeclaredMembers =
        BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    // Members that the compiler writes for a record and that cannot carry documentation.
    private static readonly HashSet<string> RecordMemberNames =
        ["Equals", "GetHashCode", "ToString", "Deconstruct", "EqualityContract", "<Clone>$", "PrintMembers", "op_Equality", "op_Inequality"];

    private static readonly Assembly Library = typeof(BatchesClient).Assembly;

    [Fact]
    public void PublicMembers_AllDocumented()
    {
        var documented = LoadDocumentedIds();

        var missing = PublicMembers()
            .Select(DocumentationId)
            .Where(id => !documented.Contains(id))
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.True(
            missing.Count == 0,
            $"{missing.Count} public or protected members of {Library.GetName().Name} have no XML documentation. "
            + "Add a description to api/clevver.openapi.yaml for a generated model, a template in api/templates "
            + "for other generated code, or a /// comment in hand-written code:"
            + Environment.NewLine + string.Join(Environment.NewLine, missing));
    }

    [Fact]
    public void PublicMembers_FoundByReflection()
    {
        var ids = PublicMembers().Select(DocumentationId).ToHashSet();

        Assert.Contains("T:Clevver.Generated.BatchesClient", ids);
        Assert.Contains("M:Clevver.Generated.BatchesClient.GetAsync(System.Guid,System.Threading.CancellationToken)", ids);
        Assert.Contains("F:Clevver.Generated.ResponseStatus.Success", ids);
        Assert.DoesNotContain("M:Clevver.Generated.Batch.get_Progress", ids);
    }

    [Theory]
    [InlineData(typeof(ClevverApiException<>), "T:Clevver.Generated.ClevverApiException`1")]
    [InlineData(typeof(FileParameter), "P:Clevver.Generated.FileParameter.FileName")]
    [InlineData(typeof(ClevverApiException<>), "M:Clevver.Generated.ClevverApiException`1.#ctor(System.String,System.Int32,System.String,System.Collections.Generic.IReadOnlyDictionary{System.String,System.Collections.Generic.IEnumerable{System.String}},`0,System.Exception)")]
    [InlineData(typeof(BatchesClient), "M:Clevver.Generated.BatchesClient.ReadObjectResponseAsync``1(System.Net.Http.HttpResponseMessage,System.Collections.Generic.IReadOnlyDictionary{System.String,System.Collections.Generic.IEnumerable{System.String}},System.Threading.CancellationToken)")]
    public void DocumentationId_MatchesCompilerFormat(Type declaringType, string expected)
    {
        var ids = PublicMembers()
            .Where(member => (member as Type ?? member.DeclaringType) == declaringType)
            .Select(DocumentationId);

        Assert.Contains(expected, ids);
    }

    private static HashSet<string> LoadDocumentedIds()
    {
        var path = Path.ChangeExtension(Library.Location, ".xml");
        Assert.True(File.Exists(path), $"The documentation file {path} was not found. Build with GenerateDocumentationFile on.");

        // An empty <member> element documents nothing, so only members with some content count.
        return XDocument.Load(path)
            .Descendants("member")
            .Where(member => member.HasElements || !string.IsNullOrWhiteSpace(member.Value))
            .Select(member => (string)member.Attribute("name")!)
            .ToHashSet(StringComparer.Ordinal);
    }

    private static IEnumerable<MemberInfo> PublicMembers()
    {
        foreach (var type in Library.GetTypes().Where(IsVisible))
        {
            yield return type;

            var accessors = type.GetProperties(DeclaredMembers)
                .SelectMany(property => property.GetAccessors(nonPublic: true))
                .Concat(type.GetEvents(DeclaredMembers).SelectMany(EventAccessors))
                .ToHashSet();

            var isRecord = type.GetMethod("<Clone>$") is not null || type.GetProperty("EqualityContract", DeclaredMembers) is not null
                || (type.IsValueType && type.GetMethod("PrintMembers", DeclaredMembers) is not null);

            foreach (var member in type.GetMembers(DeclaredMembers))
            {
                if (member is Type || member is MethodInfo method && accessors.Contains(method))
                {
                    continue;
                }

                if (member is FieldInfo { IsSpecialName: true })
                {
                    continue; // value__ of an enum
                }

                if (IsCompilerGenerated(member) || isRecord && RecordMemberNames.Contains(member.Name) || IsImplicitConstructor(member))
                {
                    continue;
                }

                if (IsVisible(member))
                {
                    yield return member;
                }
            }
        }
    }

    // NOTE: metadata does not mark the default constructor that the compiler adds to a class without
    // constructors, and the compiler writes no documentation for it. A parameterless constructor that
    // is a type's only instance constructor is taken to be that one, so a hand-written constructor of
    // that shape is not checked here.
    private static bool IsImplicitConstructor(MemberInfo member)
    {
        if (member is not ConstructorInfo { IsStatic: false } constructor || constructor.GetParameters().Length != 0)
        {
            return false;
        }

        var instanceConstructors = constructor.DeclaringType!.GetConstructors(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance);
        return instanceConstructors.Length == 1;
    }

    private static IEnumerable<MethodInfo> EventAccessors(EventInfo eventInfo) =>
        new[] { eventInfo.AddMethod, eventInfo.RemoveMethod, eventInfo.RaiseMethod }.OfType<MethodInfo>();

    private static bool IsCompilerGenerated(MemberInfo member) =>
        member.IsDefined(typeof(CompilerGeneratedAttribute), inherit: false) || member.Name.Contains('<', StringComparison.Ordinal);

    private static bool IsVisible(Type type)
    {
        if (IsCompilerGenerated(type))
        {
            return false;
        }

        if (type.DeclaringType is null)
        {
            return type.IsPublic;
        }

        var nestedVisible = type.IsNestedPublic || type.IsNestedFamily || type.IsNestedFamORAssem;
        return nestedVisible && IsVisible(type.DeclaringType);
    }

    private static bool IsVisible(MemberInfo member)
    {
        return member switch
        {
            MethodBase method => method.IsPublic || method.IsFamily || method.IsFamilyOrAssembly,
            FieldInfo field => field.IsPublic || field.IsFamily || field.IsFamilyOrAssembly,
            PropertyInfo property => property.GetAccessors(nonPublic: true).Any(IsVisible),
            EventInfo eventInfo => EventAccessors(eventInfo).Any(IsVisible),
            _ => false,
        };
    }

    /// <summary>
    /// Builds the ID that the C# compiler writes for a member in the documentation file, such as
    /// "M:Namespace.Type.Method``1(System.String,`0)".
    /// </summary>
    private static string DocumentationId(MemberInfo member)
    {
        switch (member)
        {
            case Type type:
                return "T:" + TypeName(type);

            case FieldInfo field:
                return "F:" + TypeName(field.DeclaringType!) + "." + field.Name;

            case EventInfo eventInfo:
                return "E:" + TypeName(eventInfo.DeclaringType!) + "." + eventInfo.Name;

            case PropertyInfo property:
                return "P:" + TypeName(property.DeclaringType!) + "." + property.Name + Parameters(property.GetIndexParameters());

            case MethodBase method:
                var name = method.IsConstructor ? method.Name.Replace('.', '#') : method.Name;
                var arity = method.IsGenericMethod ? "``" + method.GetGenericArguments().Length : string.Empty;
                var id = "M:" + TypeName(method.DeclaringType!) + "." + name + arity + Parameters(method.GetParameters());
                return method is MethodInfo { Name: "op_Implicit" or "op_Explicit" } conversion
                    ? id + "~" + ParameterType(conversion.ReturnType)
                    : id;

            default:
                throw new ArgumentException($"Member {member} of kind {member.MemberType} has no documentation ID.", nameof(member));
        }
    }

    // A declaring type keeps its arity suffix ("ClevverApiException`1") and names nesting with a dot.
    private static string TypeName(Type type) => type.FullName!.Replace('+', '.');

    private static string Parameters(ParameterInfo[] parameters) =>
        parameters.Length == 0 ? string.Empty : "(" + string.Join(",", parameters.Select(parameter => ParameterType(parameter.ParameterType))) + ")";

    private static string ParameterType(Type type)
    {
        if (type.IsGenericParameter)
        {
            return (type.DeclaringMethod is null ? "`" : "``") + type.GenericParameterPosition;
        }

        if (type.IsByRef)
        {
            return ParameterType(type.GetElementType()!) + "@";
        }

        if (type.IsPointer)
        {
            return ParameterType(type.GetElementType()!) + "*";
        }

        if (type.IsArray)
        {
            var rank = type.GetArrayRank();
            var bounds = rank == 1 ? "[]" : "[" + string.Join(",", Enumerable.Repeat("0:", rank)) + "]";
            return ParameterType(type.GetElementType()!) + bounds;
        }

        return type.IsGenericType ? GenericParameterType(type) : TypeName(type);
    }

    // A constructed type lists its type arguments in braces at the level that declares them:
    // Outer<A>.Inner<B> becomes "Outer{A}.Inner{B}".
    private static string GenericParameterType(Type type)
    {
        var arguments = type.GetGenericArguments();
        var levels = new List<Type>();
        for (var level = type.GetGenericTypeDefinition(); level is not null; level = level.DeclaringType)
        {
            levels.Insert(0, level);
        }

        var name = new StringBuilder();
        if (!string.IsNullOrEmpty(levels[0].Namespace))
        {
            name.Append(levels[0].Namespace).Append('.');
        }

        var used = 0;
        foreach (var level in levels)
        {
            if (level != levels[0])
            {
                name.Append('.');
            }

            var tick = level.Name.IndexOf('`', StringComparison.Ordinal);
            name.Append(tick < 0 ? level.Name : level.Name[..tick]);

            var count = level.GetGenericArguments().Length - used;
            if (count > 0)
            {
                name.Append('{').Append(string.Join(",", arguments.Skip(used).Take(count).Select(ParameterType))).Append('}');
                used += count;
            }
        }

        return name.ToString();
    }
}
