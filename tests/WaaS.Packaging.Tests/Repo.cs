using System.Diagnostics;

namespace WaaS.Packaging.Tests;

/// <summary>The repository being checked, its process list, and the command-line tools the checks drive.</summary>
internal static class Repo
{
    public static readonly string Root = FindRoot();

    public static string PathOf(string relative) => Path.Combine(Root, relative);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "infra", "services.tsv")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("infra/services.tsv not found above " + AppContext.BaseDirectory);
    }

    /// <summary>Runs a tool and returns its output; throws with its stderr (and what to install) when it fails.</summary>
    public static string Run(string file, string arguments, string? stdin = null, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(file, arguments)
        {
            WorkingDirectory = workingDirectory ?? Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = stdin is not null,
        };
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"'{file}' is needed by the packaging tests but is not on PATH ({e.Message}).", e);
        }
        using (process)
        {
            if (stdin is not null)
            {
                process.StandardInput.Write(stdin);
                process.StandardInput.Close();
            }
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"{file} {arguments} exited {process.ExitCode}:\n{stderr.Result}\n{stdout}");
            }
            return stdout;
        }
    }
}

/// <summary>One row of infra/services.tsv.</summary>
internal sealed record ProcessRow(string Name, int Port, string ProjectDirectory, string Assembly)
{
    public bool IsGateway => Name == "gateway";

    public static IReadOnlyList<ProcessRow> Load(string? path = null) =>
        File.ReadAllLines(path ?? Repo.PathOf("infra/services.tsv"))
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('\t'))
            .Select(f => new ProcessRow(f[0], int.Parse(f[1], System.Globalization.CultureInfo.InvariantCulture), f[2], f[3]))
            .ToList();

    public static IEnumerable<object[]> All() => Load().Select(row => new object[] { row.Name });
}
