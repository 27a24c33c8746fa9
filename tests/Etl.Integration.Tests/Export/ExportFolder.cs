namespace Etl.Integration.Tests.Export;

/// <summary>A fresh folder for one test's export, deleted with everything in it.</summary>
internal sealed class ExportFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("etl-export-").FullName;

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
