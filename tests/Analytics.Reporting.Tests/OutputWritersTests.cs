using System.Reflection;
using Analytics.Core.Reports;
using Analytics.Reporting.Csv;
using Analytics.Reporting.Excel;
using Analytics.Reporting.Exports;
using Analytics.Reporting.Json;

namespace Analytics.Reporting.Tests;

public class OutputWritersTests
{
    private static readonly Type[] RawFigures = [typeof(ReportFigures), typeof(Breakdown), typeof(Tally)];

    private static bool Mentions(Type type, Type raw) =>
        type == raw
        || (type.HasElementType && Mentions(type.GetElementType()!, raw))
        || (type.IsGenericType && type.GetGenericArguments().Any(a => Mentions(a, raw)));

    private static readonly string[] WriterNamespaces = [".Json", ".Charts", ".Excel", ".Csv", ".Exports"];

    /// <summary>Methods and constructors in the writer namespaces (*.Json, *.Charts, *.Excel, *.Csv, *.Exports) that take raw figures in any form.</summary>
    private static List<string> WritersTakingRawFigures(Assembly assembly, BindingFlags visibility) =>
        assembly.GetTypes()
            .Where(t => t.Namespace is { } ns && WriterNamespaces.Any(w => ns.EndsWith(w, StringComparison.Ordinal)))
            .Where(t => visibility.HasFlag(BindingFlags.NonPublic) || t.IsVisible)
            .SelectMany(t => t.GetMethods(visibility | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Cast<MethodBase>().Concat(t.GetConstructors(visibility | BindingFlags.Instance)))
            .Where(m => m.GetParameters().Any(p => RawFigures.Any(raw => Mentions(p.ParameterType, raw))))
            .Select(m => $"{m.DeclaringType!.FullName}.{m.Name}")
            .ToList();

    [Fact]
    public void No_public_json_chart_excel_csv_or_export_writer_accepts_raw_figures_only_protected_reports()
    {
        var assembly = typeof(ReportJson).Assembly;

        WritersTakingRawFigures(assembly, BindingFlags.Public).ShouldBeEmpty();
    }

    [Fact]
    public void The_check_sees_the_internal_snapshot_payload_writer_that_does_take_raw_figures() =>
        WritersTakingRawFigures(typeof(ReportJson).Assembly, BindingFlags.Public | BindingFlags.NonPublic)
            .ShouldContain($"{typeof(ReportJson).FullName}.Payload");

    [Fact]
    public void The_check_covers_the_excel_csv_and_export_table_writers() =>
        new[] { typeof(WorkbookWriter), typeof(CsvTables), typeof(ReportTables), typeof(SteeringPackSheets) }
            .ShouldAllBe(t => WriterNamespaces.Any(w => t.Namespace!.EndsWith(w, StringComparison.Ordinal)));
}
