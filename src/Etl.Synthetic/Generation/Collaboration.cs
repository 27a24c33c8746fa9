namespace Etl.Core.Generation;

/// <summary>
/// A large collaboration (a detector, a survey): 150 to 3,000 people of the pool who sign its papers together,
/// sorted by family name as such author lists are. Each paper leaves out a few members (people join and leave),
/// so the same people recur across papers with their own spelling drift, as in the real author tables.
/// </summary>
internal sealed class Collaboration
{
    public const int MinMembers = 150;
    public const int MaxMembers = 3000;

    private readonly int[] _members;

    /// <param name="random">Draws the size (log-uniform, so most collaborations are a few hundred people) and the members.</param>
    /// <param name="people">The pool; it must hold at least <see cref="MaxMembers"/> people.</param>
    public Collaboration(Random random, AuthorPool people)
    {
        var size = (int)Math.Round(MinMembers * Math.Pow((double)MaxMembers / MinMembers, random.NextDouble()));
        size = Math.Clamp(size, MinMembers, Math.Min(MaxMembers, people.Count));

        // A partial Fisher-Yates shuffle of the pool's indexes: distinct members in O(pool), whatever the size.
        var indexes = new int[people.Count];
        for (var i = 0; i < indexes.Length; i++)
        {
            indexes[i] = i;
        }

        for (var i = 0; i < size; i++)
        {
            var j = i + random.Next(indexes.Length - i);
            (indexes[i], indexes[j]) = (indexes[j], indexes[i]);
        }

        _members = indexes[..size];
        var keys = Array.ConvertAll(_members, member => people.Parts(member, Spelling.Canonical).Keyname);
        Array.Sort(keys, _members, StringComparer.Ordinal);
    }

    public int Size => _members.Length;

    /// <summary>A paper signed by the collaboration: every member but a few (never fewer than <see cref="MinMembers"/>).</summary>
    public SyntheticPaper Paper(Random random, AuthorPool people, string id, string[] categories, DateTime[] versionTimes)
    {
        var leaving = random.Next(Math.Min(_members.Length - MinMembers, _members.Length / 30) + 1);
        var left = new HashSet<int>();
        while (left.Count < leaving)
        {
            left.Add(random.Next(_members.Length));
        }

        var authors = new int[_members.Length - leaving];
        var spellings = new Spelling[authors.Length];
        for (int i = 0, k = 0; i < _members.Length; i++)
        {
            if (left.Contains(i))
            {
                continue;
            }

            authors[k] = _members[i];
            spellings[k] = people.ChooseSpelling(random, _members[i]);
            k++;
        }

        return new SyntheticPaper
        {
            Id = id,
            Seed = random.Next(),
            Categories = categories,
            VersionTimes = versionTimes,
            Authors = authors,
            Spellings = spellings,
            CategoryStyle = 0,
        };
    }
}
