using System.Text.RegularExpressions;
using FluentAssertions;
using Xunit;

namespace WaaS.Packaging.Tests;

public sealed partial class ImageTests
{
    private static readonly string[] Dockerfile = File.ReadAllLines(Repo.PathOf("Dockerfile"));

    [Fact]
    public void Base_images_are_pinned_to_a_patch_release()
    {
        var bases = Dockerfile.Where(l => l.StartsWith("ARG DOTNET_", StringComparison.Ordinal) && l.Contains("_IMAGE=", StringComparison.Ordinal))
            .Select(l => l[(l.IndexOf('=', StringComparison.Ordinal) + 1)..]).ToList();

        bases.Should().HaveCount(2);
        bases.Should().OnlyContain(image => PinnedTag().IsMatch(image), "a moving tag (10.0, latest) rebuilds into something else");
        Dockerfile.Where(l => l.StartsWith("FROM ", StringComparison.Ordinal)).Should().HaveCount(2, "multi-stage: SDK to build, runtime to run");
    }

    [Fact]
    public void The_runtime_stage_runs_as_a_non_root_user_and_execs_the_process()
    {
        var runtime = Dockerfile.SkipWhile(l => !l.StartsWith("FROM ${DOTNET_RUNTIME_IMAGE}", StringComparison.Ordinal)).ToList();

        runtime.Should().NotBeEmpty();
        runtime.Last(l => l.StartsWith("USER ", StringComparison.Ordinal)).Should().Be("USER 1654", "the .NET images' app user; k8s runs as 1654");
        runtime.Should().Contain(l => l.StartsWith("ENTRYPOINT [", StringComparison.Ordinal) && l.Contains("exec dotnet", StringComparison.Ordinal));
        runtime.Should().NotContain(l => l.StartsWith("RUN ", StringComparison.Ordinal), "the runtime stage adds nothing but the published output");
        runtime.Should().Contain("EXPOSE 8080");
    }

    [Theory, MemberData(nameof(ProcessRow.All), MemberType = typeof(ProcessRow))]
    public void Every_process_builds_from_the_Dockerfile(string name)
    {
        var row = ProcessRow.Load().Single(r => r.Name == name);

        File.Exists(Repo.PathOf($"{row.ProjectDirectory}/{row.Assembly}.csproj")).Should().BeTrue(
            $"the image of {name} builds {row.ProjectDirectory}/{row.Assembly}.csproj");
        var topFolder = row.ProjectDirectory.Split('/')[0];
        Dockerfile.Should().Contain($"COPY {topFolder}/ {topFolder}/", "the build stage must see the project's sources");
    }

    [Fact]
    public void The_build_context_leaves_out_build_output_and_local_state()
    {
        File.ReadAllLines(Repo.PathOf(".dockerignore")).Should().Contain(["**/bin/", "**/obj/", ".run/", ".git/"]);
    }

    [Fact]
    public void The_image_script_builds_what_the_list_names()
    {
        var act = () => Repo.Run("bash", "infra/images.sh no-such-process");

        act.Should().Throw<InvalidOperationException>().WithMessage("*no process in infra/services.tsv matches: no-such-process*");
    }

    [GeneratedRegex(@":\d+\.\d+\.\d+(-[a-z0-9.-]+)?$")]
    private static partial Regex PinnedTag();
}
