using CsvHelper;
using JobMarket.Warehouse.Runner.Models.Materializations;
using JobMarket.Warehouse.Runner.Models.Parsing;

namespace JobMarket.Warehouse.Runner.Models.Seeds;

/// <summary>
/// Loads <c>models/seeds/&lt;seed&gt;.csv</c>: CsvHelper reads the file, binary COPY writes a table typed by
/// the YAML <c>data_type</c>s under the temporary name, and the table is swapped in like a model table.
/// A bad row is a <see cref="ProjectException"/> naming file, line and column. A seed whose file, types
/// and indexes hash as at its last load (<c>audit.model_state</c>) is left as it is and only tested, as an
/// unchanged view is: reloading 27 seeds took 1.3 s of every build (<c>--full-refresh</c> reloads all).
/// </summary>
internal static class SeedLoader
{
    public static async Task<MaterializeOutcome> LoadAsync(NodeExecution run, CancellationToken ct = default)
    {
        var node = run.Node;
        var target = node.Relation;
        var hash = Materializer.Hash(await File.ReadAllTextAsync(node.FullPath, ct)
            + "\n--columns: " + string.Join(";", node.Columns.Select(c => $"{c.Name} {c.DataType}"))
            + "\n--indexes: " + string.Join(";", node.Config.Indexes.Select(i => i.Describe())));
        var existing = await RelationCatalog.FindAsync(run.Connection, run.Transaction, target, ct);
        if (existing is { Kind: 'r' } && !run.FullRefresh && await Materializer.StoredHashAsync(run, target, ct) == hash)
        {
            return await Materializer.AuditedAsync(run, target, new MaterializeOutcome(null, true, "unchanged"));
        }
        var built = target.WithName(run.TempName);
        await using var csv = CsvReader.FromFile(node.FullPath, new CsvReaderOptions { Separator = ',', TrackLineNumbers = true });
        await csv.ReadHeaderAsync(ct);
        var header = csv.Headers.ToArray();
        if (header.Length == 0)
        {
            throw new ProjectException(node.File, 1, "the seed has no header row");
        }
        var types = new string[header.Length];
        for (var i = 0; i < header.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(header[i]) || header.Take(i).Contains(header[i]))
            {
                throw new ProjectException(node.File, 1, $"column {i + 1}: header '{header[i]}' is empty or repeated");
            }
            types[i] = node.Columns.FirstOrDefault(c => c.Name == header[i])?.DataType ?? "text";
            if (!SeedValueConverter.IsKnown(types[i]))
            {
                throw new ProjectException(node.YamlFile ?? node.File, node.Columns.First(c => c.Name == header[i]).Line,
                    $"data_type '{types[i]}' of {header[i]} is not supported for seeds (supported: {string.Join(", ", SeedValueConverter.Known)})");
            }
        }
        foreach (var column in node.Columns.Where(c => !header.Contains(c.Name)))
        {
            throw new ProjectException(node.YamlFile ?? node.File, column.Line, $"column '{column.Name}' is not in the header of {node.File}");
        }
        var columns = string.Join(", ", header.Select((h, i) => $"{Relation.Quote(h)} {types[i]}"));
        await SqlRunner.ExecuteAsync(run.Connection, run.Transaction, $"create table {built} ({columns})", ct);
        long rows;
        await using (var importer = await run.Connection.BeginBinaryImportAsync(
            $"copy {built} ({string.Join(", ", header.Select(Relation.Quote))}) from stdin (format binary)", ct))
        {
            while (await csv.ReadAsync())
            {
                var line = (int)csv.LineNumber;
                if (csv.FieldCount != header.Length)
                {
                    throw new ProjectException(node.File, line, $"{csv.FieldCount} field(s), the header has {header.Length}");
                }
                await importer.StartRowAsync(ct);
                for (var i = 0; i < header.Length; i++)
                {
                    var value = SeedValueConverter.Parse(types[i], csv.GetString(i), out var error);
                    if (error is not null)
                    {
                        throw new ProjectException(node.File, line, $"column '{header[i]}': {error}");
                    }
                    if (value is null)
                    {
                        await importer.WriteNullAsync(ct);
                    }
                    else
                    {
                        await importer.WriteAsync(value, SeedValueConverter.DbType(types[i]), ct);
                    }
                }
            }
            rows = (long)await importer.CompleteAsync(ct);
        }
        var outcome = await Materializer.PublishBuiltAsync(run, built, 'r', existing, rows, ct);
        if (outcome.Published)
        {
            await Materializer.RecordHashAsync(run, target, "seed", hash, ct);
        }
        return outcome;
    }
}
