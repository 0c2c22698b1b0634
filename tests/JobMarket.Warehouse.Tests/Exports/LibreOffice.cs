using System.Diagnostics;
using Microsoft.VisualBasic.FileIO;

namespace JobMarket.Warehouse.Tests.Exports;

/// <summary>
/// LibreOffice Calc, headless, as a second xlsx reader independent of the Open XML SDK: converts
/// every sheet of a workbook to CSV ("as shown", so number formats are checked too).
/// </summary>
public static class LibreOffice
{
    // Filter options: comma, double quote, UTF-8, from line 1, ..., save as shown, ..., -1 = every sheet.
    private const string CsvFilter = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1";

    public static async Task<IReadOnlyDictionary<string, List<string[]>>> ConvertToCsvAsync(string xlsxPath, string outputFolder)
    {
        Directory.CreateDirectory(outputFolder);
        // A private profile: several soffice processes on one machine otherwise share (and lock) one.
        var profile = Path.Combine(outputFolder, ".lo-profile");
        var start = new ProcessStartInfo("soffice")
        {
            ArgumentList = { $"-env:UserInstallation=file://{profile}", "--headless", "--norestore", "--convert-to", CsvFilter, "--outdir", outputFolder, xlsxPath },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("soffice did not start");
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"soffice exited {process.ExitCode}: {await stderr}");

        var stem = Path.GetFileNameWithoutExtension(xlsxPath);
        var sheets = new Dictionary<string, List<string[]>>();
        foreach (var file in Directory.EnumerateFiles(outputFolder, stem + "-*.csv"))
        {
            using var parser = new TextFieldParser(file, System.Text.Encoding.UTF8) { HasFieldsEnclosedInQuotes = true, TrimWhiteSpace = false };
            parser.SetDelimiters(",");
            var rows = new List<string[]>();
            while (!parser.EndOfData)
            {
                rows.Add(parser.ReadFields() ?? []);
            }
            sheets[Path.GetFileNameWithoutExtension(file)[(stem.Length + 1)..]] = rows;
        }
        Assert.True(sheets.Count > 0, $"soffice wrote no CSV for {xlsxPath}: {await stderr}");
        return sheets;
    }
}
