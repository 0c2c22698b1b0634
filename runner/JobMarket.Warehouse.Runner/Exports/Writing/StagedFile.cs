namespace JobMarket.Warehouse.Runner.Exports.Writing;

/// <summary>
/// A file written under a temporary name beside its destination and moved into place only when
/// complete, so a crash or a failed query never leaves a half-written workbook behind.
/// </summary>
internal sealed class StagedFile : IDisposable
{
    private bool _committed;

    public StagedFile(string destination)
    {
        Destination = Path.GetFullPath(destination);
        Directory.CreateDirectory(Path.GetDirectoryName(Destination)!);
        TemporaryPath = Path.Combine(Path.GetDirectoryName(Destination)!, $".{Path.GetFileName(Destination)}.{Guid.NewGuid():N}.partial");
    }

    public string Destination { get; }
    public string TemporaryPath { get; }

    public string Commit()
    {
        File.Move(TemporaryPath, Destination, overwrite: true);
        _committed = true;
        return Destination;
    }

    public void Dispose()
    {
        if (!_committed && File.Exists(TemporaryPath))
        {
            File.Delete(TemporaryPath);
        }
    }
}
