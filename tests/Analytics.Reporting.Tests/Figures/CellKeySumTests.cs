using Analytics.Core.Taxonomies;
using Analytics.Reporting.Figures;
using Analytics.Testing;

namespace Analytics.Reporting.Tests.Figures;

public class CellKeySumTests
{
    [Theory, DatabaseProviders]
    public async Task Gives_each_cell_the_sum_of_its_rows_record_keys_mod_1(string provider)
    {
        await using var database = await MigratedDatabase.CreateAsync(provider);
        await using (var db = database.Open())
        {
            var data = new ReportData(db);
            var meetup = await data.EventAsync("traff", new DateTime(2026, 2, 10, 17, 0, 0));
            // kommun: 0.4 + 0.7 + 0.2 = 1.3, so its key is 0.3; region: one row of 0.9; the declined row is not counted.
            await data.AddAsync(meetup,
                Someone.WithKey("a").In("kommun").WithRecordKey(0.4),
                Someone.WithKey("b").In("kommun").WithRecordKey(0.7),
                Someone.WithKey("c").In("kommun").WithRecordKey(0.2),
                Someone.WithKey("d").In("region").WithRecordKey(0.9),
                Someone.WithKey("e").In("kommun").WithRecordKey(0.05).Declined());
        }

        await using var read = database.Open();
        var figures = (await new ReportBuilder(read).BuildEventAsync("traff")).ShouldNotBeNull();

        var sectors = figures.Find(Dimension.Sector.Code()).ShouldNotBeNull().Tallies.ToDictionary(t => t.Code);
        sectors["kommun"].Count.ShouldBe(3);
        sectors["kommun"].KeySum.ShouldBe(0.3, 1e-9);
        sectors["region"].KeySum.ShouldBe(0.9, 1e-9);
    }
}
