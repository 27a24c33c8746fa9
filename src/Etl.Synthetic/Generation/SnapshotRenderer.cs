using System.Globalization;
using System.Text;

namespace Etl.Core.Generation;

/// <summary>
/// One line of the metadata snapshot: the paper as a snapshot taken at some instant holds it. The record has the
/// versions submitted before that instant, the texts of the latest of them (the same <see cref="SyntheticText"/> the
/// digests use, so snapshot and digests agree unless a <see cref="TextEdit"/> applies), and the authors as this paper
/// spells them (<see cref="Spelling"/>), except that mojibake is often decoded, as arXiv's own metadata is. Fields come
/// in the file's order: <c>id, submitter, authors, title, comments, journal-ref, doi, report-no, categories, license,
/// abstract, versions, update_date, authors_parsed</c>.
/// </summary>
internal static class SnapshotRenderer
{
    private const long SpellingKey = 0x5E11;

    /// <summary>Appends the record (no line break). <paramref name="asOf"/> must be after the paper's first version.</summary>
    public static void Append(StringBuilder line, SyntheticPaper paper, SnapshotTraits traits, DateTime asOf, AuthorPool people, BadSnapshotRecord broken = BadSnapshotRecord.None)
    {
        var versions = paper.VersionAsOf(asOf);
        var latest = paper.VersionTimes[versions - 1];
        var year = paper.Published.Year;
        var (title, summary) = SyntheticText.TitleAndAbstract(paper.Seed, paper.Topic, versions);
        if (traits.AbstractAddendum is not null)
        {
            summary += " " + traits.AbstractAddendum;
        }

        // The last day the snapshot saw whole: corrections and amendments dated up to it are in the record.
        var today = DateOnly.FromDateTime(asOf.AddTicks(-1));
        var updated = DateOnly.FromDateTime(latest);
        if (traits.EditedOn is { } edited && edited <= today && edited >= updated)
        {
            (title, summary) = Edit(traits.Edit, title, summary);
            updated = edited;
        }

        if (traits.AmendedOn is { } amended && amended <= today && amended > updated)
        {
            updated = amended;
        }

        var journal = SyntheticText.Journal(paper.Seed, versions, year);
        line.Append('{');
        line.Name("id").String(paper.Id).Append(',');
        line.Name("submitter").String(Submitter(paper, traits, people)).Append(',');
        line.Name("authors").Wrapped(AuthorList(paper, traits, people)).Append(',');
        line.Name("title").Wrapped(broken == BadSnapshotRecord.EmptyTitle ? string.Empty : title).Append(',');
        line.Name("comments").Wrapped(SyntheticText.Comment(paper.Seed, paper.Topic, versions, year)).Append(',');
        line.Name("journal-ref").Wrapped(journal).Append(',');
        line.Name("doi").String(SyntheticText.Doi(paper.Seed, year, journal is not null)).Append(',');
        line.Name("report-no").String(traits.ReportNo).Append(',');
        line.Name("categories").String(string.Join(' ', paper.Categories)).Append(',');
        line.Name("license").String(traits.License).Append(',');
        line.Name("abstract").Abstract(summary).Append(',');
        line.Name("versions").Append('[');
        for (var v = 1; v <= versions && broken != BadSnapshotRecord.NoVersions; v++)
        {
            line.Append(v > 1 ? ",{" : "{").Append(CultureInfo.InvariantCulture, $"\"version\":\"v{v}\",");
            var badCreated = v == 1 && broken == BadSnapshotRecord.BadCreated;
            line.Name("created").String(v == traits.NullCreatedVersion && !badCreated ? null : Created(paper.VersionTimes[v - 1], badCreated)).Append('}');
        }

        line.Append("],");
        line.Name("update_date").String(updated.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append(',');
        line.Name("authors_parsed").Append('[');
        for (var i = 0; i < paper.Authors.Length; i++)
        {
            var (forenames, keyname) = people.Parts(paper.Authors[i], SpellingOf(paper, i));
            line.Append(i > 0 ? ",[" : "[").String(keyname).Append(',').String(forenames).Append(",\"\"");
            if (traits.Affiliations is { } affiliations)
            {
                line.Append(',').String(affiliations[i % affiliations.Count]);
            }

            line.Append(']');
        }

        line.Append("]}");
    }

    /// <summary>RFC 1123 with the day not zero-padded (<c>Mon, 2 Apr 2007 19:18:42 GMT</c>); broken: the digests' layout instead.</summary>
    private static string Created(DateTime utc, bool broken) => broken
        ? utc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)
        : utc.ToString("ddd, d MMM yyyy HH:mm:ss 'GMT'", CultureInfo.InvariantCulture);

    /// <summary>
    /// The paper's spelling of author i, except that mojibake is decoded in about 60% of cases (deterministic per
    /// paper and position): arXiv's metadata holds the names as submitted, while a broken pipeline garbled the
    /// digest, so snapshot and digests vote for different spellings of the same person.
    /// </summary>
    private static Spelling SpellingOf(SyntheticPaper paper, int author)
    {
        var spelling = paper.Spellings[author];
        return spelling is Spelling.Windows1252 or Spelling.MacRoman && Rng.Derive(paper.Seed, SpellingKey, author) % 10 < 6
            ? Spelling.Canonical
            : spelling;
    }

    /// <summary><c>A</c>, <c>A and B</c>, <c>A, B and C</c>; with affiliations each name is followed by <c>(Institution)</c>.</summary>
    private static string AuthorList(SyntheticPaper paper, SnapshotTraits traits, AuthorPool people)
    {
        var count = paper.Authors.Length;
        var builder = new StringBuilder(count * 24);
        for (var i = 0; i < count; i++)
        {
            builder.Append(i == 0 ? string.Empty : i == count - 1 ? " and " : ", ");
            builder.Append(people.Spell(paper.Authors[i], SpellingOf(paper, i)));
            if (traits.Affiliations is { } affiliations)
            {
                builder.Append(" (").Append(affiliations[i % affiliations.Count]).Append(')');
            }
        }

        return builder.ToString();
    }

    /// <summary>The submitting account's name: one of the authors, correctly spelled, sometimes without the middle initial.</summary>
    private static string Submitter(SyntheticPaper paper, SnapshotTraits traits, AuthorPool people)
    {
        var (forenames, keyname) = people.Parts(paper.Authors[traits.Submitter], Spelling.Canonical);
        var space = forenames.IndexOf(' ', StringComparison.Ordinal);
        return (traits.SubmitterWithoutInitial && space > 0 ? forenames[..space] : forenames) + " " + keyname;
    }

    private static (string Title, string Abstract) Edit(TextEdit edit, string title, string summary)
    {
        if (edit == TextEdit.AbstractNote)
        {
            return (title, summary + " An earlier version of this abstract misstated the number of benchmarks.");
        }

        var colon = title.IndexOf(": ", StringComparison.Ordinal);
        return (colon > 0 ? title[..colon] : title + ": A Corrected Account", summary);
    }
}
