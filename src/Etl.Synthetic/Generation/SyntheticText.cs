using System.Globalization;
using System.Text;

namespace Etl.Core.Generation;

/// <summary>
/// Titles, abstracts, comments, journal references and DOIs of synthetic papers, each a pure function of
/// (paper seed, topic, version): nothing is stored, every file re-derives the same text. Version N keeps the
/// words of version N-1 and changes some (new results, an extra sentence, sometimes a new title).
/// </summary>
internal static class SyntheticText
{
    private const long TitleKey = 2;
    private const long AbstractKey = 3;
    private const long RevisionKey = 4;
    private const long CommentKey = 5;
    private const long PublicationKey = 6;
    private const long ThemeKey = 7;

    private static readonly string[] MathAdjectives = ["General", "Singular", "Generic", "Weighted", "Twisted", "Polarised", "Normal", "Smooth"];

    private static readonly string[] MathSurnames = ["Arvelle", "Brannock", "Castaine", "Dorwin", "Ellery", "Fairlow", "Gessner-Holt", "Ibarlin"];

    private static readonly string[] SmallWords = ["a", "an", "and", "for", "in", "of", "on", "the", "to", "via", "with", "over"];

    /// <summary>Title and abstract of one version (they share the paper's theme, so they are drawn together).</summary>
    public static (string Title, string Abstract) TitleAndAbstract(int seed, Topic topic, int version)
    {
        var theme = Theme.Of(seed, topic);
        return (Title(seed, topic, version, theme), Abstract(seed, topic, version, theme));
    }

    /// <summary>The made-up name of the paper's method, shared by its title and abstract.</summary>
    private static string MethodName(Random random)
    {
        if (random.Chance(0.25))
        {
            var length = random.Next(3, 6);
            var letters = new char[length];
            for (var i = 0; i < length; i++)
            {
                letters[i] = (char)('A' + random.Next(26));
            }

            return new string(letters);
        }

        return random.Pick(Vocabulary.MethodStems) + random.Pick(Vocabulary.MethodMiddles) + random.Pick(Vocabulary.MethodTails);
    }

    private static string Title(int seed, Topic topic, int version, Theme theme)
    {
        var parts = TitleParts.Create(Rng.For(seed, TitleKey), topic, theme);
        for (var v = 2; v <= version; v++)
        {
            var random = Rng.For(seed, TitleKey, v);
            if (random.Chance(0.6))
            {
                parts.Revise(random, topic, v);
            }
        }

        return parts.Render(topic);
    }

    private static string Abstract(int seed, Topic topic, int version, Theme theme)
    {
        var method = theme.Method;
        var random = Rng.For(seed, AbstractKey);
        var sentences = new List<string>(12);
        var results = topic == Topic.Mathematics
            ? MathAbstract(random, theme, sentences)
            : AppliedAbstract(random, topic, theme, sentences);

        for (var v = 2; v <= version; v++)
        {
            var revision = Rng.For(seed, RevisionKey, v);
            if (topic == Topic.Mathematics)
            {
                sentences[results] = MathResult(revision);
                sentences.Add(Invariant($"This version corrects an error in the proof of {revision.Pick(Vocabulary.Lemmas)} and adds {revision.Next(2, 6)} new examples."));
            }
            else
            {
                sentences[results] = AppliedResult(revision, topic, method);
                sentences.Add(revision.Next(3) switch
                {
                    0 => Invariant($"In this version, we add experiments on {Dataset(revision)} and clarify the relation to {revision.Pick(Vocabulary.Techniques(topic))}."),
                    1 => Invariant($"This revision extends the evaluation to {revision.Next(2, 9)} additional settings and fixes an error in Table {revision.Next(1, 7)}."),
                    _ => Invariant($"We now report results averaged over {revision.Next(3, 11)} random seeds."),
                });
            }
        }

        return string.Join(' ', sentences);
    }

    /// <summary>The submitter's comment for a version, or null (<c>None</c>); later versions often say what changed.</summary>
    public static string? Comment(int seed, Topic topic, int version, int year)
    {
        string? comment = null;
        for (var v = 1; v <= version; v++)
        {
            var random = Rng.For(seed, CommentKey, v);
            if (v > 1 && random.Chance(0.4))
            {
                continue;
            }

            var pages = random.Next(4, 41);
            comment = random.Next(10) switch
            {
                < 5 when v == 1 => null,
                < 2 => null,
                5 => Invariant($"{pages} pages, {random.Next(1, 13)} figures"),
                6 => Invariant($"{pages} pages, {random.Next(1, 13)} figures, {random.Next(1, 8)} tables"),
                7 => Invariant($"Accepted for publication at the {year} International Symposium on {random.Pick(Vocabulary.VenueWords)} {random.Pick(Vocabulary.VenueTopics)}"),
                8 => topic == Topic.Mathematics
                    ? Invariant($"{pages} pages, comments welcome")
                    : Invariant($"{pages} pages; {random.Next(2, 12)} figures; extended version of a workshop paper presented at the {year} Workshop on {random.Pick(Vocabulary.VenueWords)} {random.Pick(Vocabulary.VenueTopics)}"),
                _ when v == 1 => Invariant($"{pages} pages"),
                _ => Invariant($"v{v}: revised experiments and corrected typos in Section {random.Next(2, 7)}"),
            };
        }

        return comment;
    }

    /// <summary>The journal reference, present from the version that was published on.</summary>
    public static string? Journal(int seed, int version, int year)
    {
        var random = Rng.For(seed, PublicationKey);
        var from = FirstPublishedVersion(random);
        if (version < from)
        {
            return null;
        }

        var pages = random.Next(1, 900);
        return random.Chance(0.6)
            ? Invariant($"{random.Pick(Vocabulary.Journals)} {random.Next(3, 60)} ({year + from - 1}) {pages}-{pages + random.Next(8, 30)}")
            : Invariant($"Proceedings of the {Ordinal(random.Next(2, 30))} International Symposium on {random.Pick(Vocabulary.VenueWords)} {random.Pick(Vocabulary.VenueTopics)}, {random.Pick(Vocabulary.Cities)}, {year + from - 1}, pp. {pages}-{pages + random.Next(8, 14)}");
    }

    /// <summary>A DOI (10.xxxx/...), usually once the paper has a journal reference.</summary>
    public static string? Doi(int seed, int year, bool published)
    {
        var random = Rng.For(seed, PublicationKey, 2);
        var always = random.Chance(0.03);
        var withJournal = random.Chance(0.75);
        if (!always && !(withJournal && published))
        {
            return null;
        }

        var prefix = random.Chance(0.5) ? "5555" : random.Next(7000, 10000).ToString(CultureInfo.InvariantCulture);
        var journal = new string([(char)('a' + random.Next(26)), (char)('a' + random.Next(26)), (char)('a' + random.Next(26))]);
        return Invariant($"10.{prefix}/{journal}.{year}.{random.Next(1, 100000):D5}");
    }

    private static int FirstPublishedVersion(Random random)
    {
        var u = random.NextDouble();
        return u < 0.07 ? 1 : u < 0.22 ? 2 : u < 0.30 ? 3 : int.MaxValue;
    }

    private static int AppliedAbstract(Random random, Topic topic, Theme theme, List<string> sentences)
    {
        var method = theme.Method;
        sentences.Add(Invariant($"{Capitalize(theme.Task.ToLowerInvariant())} is {random.Pick(Vocabulary.Openers)} problem in {Vocabulary.FieldName(topic)}, yet existing methods {random.Pick(Vocabulary.Weaknesses)}."));
        if (random.Chance(0.5))
        {
            sentences.Add(Invariant($"Most prior work treats each {random.Pick(Vocabulary.Objects(topic))} in isolation, so errors made early in the pipeline cannot be corrected later."));
        }

        var adjective = theme.Adjective.ToLowerInvariant();
        sentences.Add(Invariant($"In this paper, we propose {method}, {Article(adjective)} {adjective} framework that {random.Pick(Vocabulary.Verbs)}."));
        sentences.Add(Invariant($"{method} combines {theme.Technique} with {theme.SecondTechnique} and requires no {random.Pick(Vocabulary.Resources)}."));
        if (random.Chance(0.5))
        {
            sentences.Add(Invariant($"We further introduce a {theme.Subject} that {random.Pick(Vocabulary.Verbs)}, which keeps training stable."));
        }

        var results = sentences.Count;
        sentences.Add(AppliedResult(random, topic, method));
        if (random.Chance(0.4))
        {
            sentences.Add(Invariant($"Ablation studies confirm that the {random.Pick(Vocabulary.Components)} alone accounts for a gain of {random.Between(0.3, 4.5):F1} points."));
        }

        if (random.Chance(0.2))
        {
            sentences.Add(Invariant($"Our analysis covers {random.Pick(Vocabulary.Conjunctions)} trade-offs across {random.Next(3, 9)} settings."));
        }

        if (random.Chance(0.06))
        {
            var bound = random.Next(2, 10);
            sentences.Add(Invariant($"On the hardest split the relative error stays small (error < {bound}%)."));
        }

        if (random.Chance(0.3))
        {
            var url = random.Chance(0.6)
                ? Invariant($"https://github.com/{random.Pick(Vocabulary.Handles)}/{method.ToLowerInvariant()}")
                : Invariant($"https://{method.ToLowerInvariant()}.example.org/code");
            sentences.Add(random.Chance(0.5) ? $"Code is available at {url}." : $"Code and models are publicly available at {url}.");
        }

        return results;
    }

    private static string AppliedResult(Random random, Topic topic, string method)
    {
        var first = Dataset(random);
        var second = Dataset(random);
        return Invariant($"Experiments on {random.Next(2, 9)} benchmarks, including {first} and {second}, show that {method} improves {random.Pick(Vocabulary.Metrics(topic))} by {random.Between(0.4, 12.0):F1}% over the strongest baseline.");
    }

    private static int MathAbstract(Random random, Theme theme, List<string> sentences)
    {
        var obj = theme.Subject;
        sentences.Add(Invariant($"Let $X$ be {Article(obj)} {obj} over {random.Pick(Vocabulary.Fields)}."));
        var other = random.Pick(Vocabulary.MathObjects);
        sentences.Add(Invariant($"We prove that the {theme.Invariant} of $X$ is {random.Pick(Vocabulary.MathProperties)} whenever $X$ admits {Article(other)} {other} with {random.Pick(MathAdjectives).ToLowerInvariant()} fibres."));
        var results = sentences.Count;
        sentences.Add(MathResult(random));
        if (random.Chance(0.5))
        {
            sentences.Add(Invariant($"This extends a result of {random.Pick(MathSurnames)} to the case of {Article(obj)} {obj} with mild singularities."));
        }

        sentences.Add(Invariant($"Our proof combines {theme.Technique} methods with a careful analysis of the {random.Pick(Vocabulary.MathInvariants)}."));
        if (random.Chance(0.4))
        {
            sentences.Add(Invariant($"We also give {random.Next(2, 7)} examples showing that the hypothesis on $X$ cannot be dropped."));
        }

        return results;
    }

    private static string MathResult(Random random)
    {
        var obj = random.Pick(Vocabulary.MathObjects);
        return Invariant($"As an application, we obtain an explicit bound on the {random.Pick(Vocabulary.MathInvariants)} of {Article(obj)} {obj} of degree $d \\geq {random.Next(2, 9)}$.");
    }

    /// <summary>The adjective at <paramref name="start"/>, or the next one that repeats no word of the task ("Federated Federated Optimisation").</summary>
    private static string AdjectiveFor(string task, string[] adjectives, int start, string? avoid = null)
    {
        for (var i = 0; i < adjectives.Length; i++)
        {
            var candidate = adjectives[(start + i) % adjectives.Length];
            if (candidate != avoid && !candidate.Split('-').Any(part => task.Contains(part, StringComparison.OrdinalIgnoreCase)))
            {
                return candidate;
            }
        }

        return adjectives[start];
    }

    private static string Dataset(Random random) => random.Pick(Vocabulary.DatasetStems) + random.Pick(Vocabulary.DatasetSuffixes);

    private static string Article(string word) => "aeiouAEIOU".Contains(word[0], StringComparison.Ordinal) ? "an" : "a";

    private static string Ordinal(int n) => Invariant($"{n}{(n % 10) switch { 1 when n % 100 != 11 => "st", 2 when n % 100 != 12 => "nd", 3 when n % 100 != 13 => "rd", _ => "th" }}");

    private static string Capitalize(string text) => text.Length == 0 ? text : string.Concat(char.ToUpperInvariant(text[0]).ToString(), text.AsSpan(1));

    /// <summary>Title case: every word capitalised except short function words after the first.</summary>
    internal static string TitleCase(string text)
    {
        var words = text.Split(' ');
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < words.Length; i++)
        {
            if (i > 0)
            {
                builder.Append(' ');
            }

            var word = words[i];
            builder.Append(i > 0 && Array.IndexOf(SmallWords, word) >= 0 ? word : Capitalize(word));
        }

        return builder.ToString();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>What a paper is about; its title and abstract both draw on it so that they agree.</summary>
    private readonly record struct Theme(string Method, string Task, string Adjective, string Technique, string SecondTechnique, string Subject, string Invariant)
    {
        public static Theme Of(int seed, Topic topic)
        {
            var random = Rng.For(seed, ThemeKey);
            var techniques = Vocabulary.Techniques(topic);
            var first = random.Next(techniques.Length);
            var second = (first + 1 + random.Next(techniques.Length - 1)) % techniques.Length;
            var mathematics = topic == Topic.Mathematics;
            var method = MethodName(random);
            var task = random.Pick(Vocabulary.Tasks(topic));
            var adjectives = mathematics ? MathAdjectives : Vocabulary.Adjectives;
            return new Theme(
                method,
                task,
                AdjectiveFor(task, adjectives, random.Next(adjectives.Length)),
                techniques[first],
                techniques[second],
                random.Pick(mathematics ? Vocabulary.MathObjects : Vocabulary.Components),
                random.Pick(Vocabulary.MathInvariants));
        }
    }

    /// <summary>The pieces of a title, so that a later version can change one piece and keep the rest.</summary>
    private sealed class TitleParts
    {
        private int _template;
        private string _method = string.Empty;
        private string _adjective = string.Empty;
        private string _technique = string.Empty;
        private string _task = string.Empty;
        private string _subject = string.Empty;
        private string _invariant = string.Empty;
        private string? _subtitle;

        public static TitleParts Create(Random random, Topic topic, Theme theme) => new()
        {
            _method = theme.Method,
            _template = random.Next(topic == Topic.Mathematics ? 4 : 6),
            _technique = TitleCase(theme.Technique),
            _task = theme.Task,
            _adjective = theme.Adjective,
            _subject = TitleCase(theme.Subject),
            _invariant = TitleCase(theme.Invariant),
        };

        public void Revise(Random random, Topic topic, int version)
        {
            switch (random.Next(3))
            {
                case 0:
                    var adjectives = topic == Topic.Mathematics ? MathAdjectives : Vocabulary.Adjectives;
                    var next = adjectives[(Array.IndexOf(adjectives, _adjective) + 1 + random.Next(adjectives.Length - 1)) % adjectives.Length];
                    _adjective = AdjectiveFor(_task, adjectives, Array.IndexOf(adjectives, next), avoid: _adjective);
                    break;
                case 1:
                    _subtitle = version == 2 && random.Chance(0.5) ? " (Extended Version)" : Invariant($": {TitleCase(random.Pick(Vocabulary.Conjunctions))} Revisited");
                    break;
                default:
                    var tasks = Vocabulary.Tasks(topic);
                    _task = tasks[(Array.IndexOf(tasks, _task) + 1 + random.Next(tasks.Length - 1)) % tasks.Length];
                    _adjective = AdjectiveFor(_task, topic == Topic.Mathematics ? MathAdjectives : Vocabulary.Adjectives, Math.Max(0, Array.IndexOf(topic == Topic.Mathematics ? MathAdjectives : Vocabulary.Adjectives, _adjective)));
                    _subtitle ??= " in Practice";
                    break;
            }
        }

        public string Render(Topic topic)
        {
            var main = topic == Topic.Mathematics
                ? _template switch
                {
                    0 => $"On the {_invariant} of {Article(_adjective)} {_adjective} {_subject}",
                    1 => $"{_adjective} Forms of {Article(_subject)} {_subject} in Positive Characteristic",
                    2 => $"{Capitalize(Article(_technique))} {_technique} Approach to {_task}",
                    _ => $"The {_invariant} of {Article(_adjective)} {_adjective} {_subject} and {_task}",
                }
                : _template switch
                {
                    0 => $"{_method}: {_adjective} {_technique} for {_task}",
                    1 => $"{_adjective} {_task} via {_technique}",
                    2 => $"Towards {_adjective} {_task} with {_technique}",
                    3 => $"On the Role of the {_subject} in {_adjective} {_task}",
                    4 => $"{_method}: {_adjective} {_subject} Design for {_task}",
                    _ => $"Rethinking {_technique} for {_adjective} {_task}",
                };
            return _subtitle is null ? main : main + _subtitle;
        }
    }
}
