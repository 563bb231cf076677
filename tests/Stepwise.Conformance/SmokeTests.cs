namespace Stepwise.Conformance;

public sealed class SmokeTests
{
    [Fact]
    public void The_shared_corpora_are_beside_the_repository()
    {
        Assert.True(Directory.Exists(Path.Combine(RepositoryPaths.Shared, "conformance", "aws-recorded")), RepositoryPaths.Shared);
        Assert.True(Directory.Exists(Path.Combine(RepositoryPaths.Shared, "conformance", "jsonata")), RepositoryPaths.Shared);
    }
}
