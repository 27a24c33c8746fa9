namespace Etl.Core.Generation;

/// <summary>The vocabulary a paper's text is drawn from, decided by its primary category.</summary>
internal enum Topic
{
    Vision,
    Language,
    Retrieval,
    Learning,
    Statistics,
    Mathematics,
}
