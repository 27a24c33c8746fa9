namespace Etl.Core.Model;

/// <summary>The two digest layouts; line 1 of a file decides which one it is.</summary>
public enum DigestFormat
{
    /// <summary><c># Arxiv Papers in cs.CV on 2020-09-30</c>: one <c>### title</c> block of fields per paper.</summary>
    Detailed,

    /// <summary><c># ArXiv cs.CV --Thu, 1 Oct 2020</c>: numbered titles, PDF link and the v1 abstract.</summary>
    Compact,
}
