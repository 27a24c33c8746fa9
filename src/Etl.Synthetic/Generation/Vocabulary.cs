namespace Etl.Core.Generation;

/// <summary>Made-up words and phrases for synthetic titles and abstracts. No text here comes from a real paper.</summary>
internal static class Vocabulary
{
    public static readonly string[] Adjectives =
    [
        "Adaptive", "Robust", "Scalable", "Efficient", "Hierarchical", "Sparse", "Contrastive", "Lightweight",
        "Calibrated", "Self-Supervised", "Incremental", "Compositional", "Progressive", "Unified", "Modular",
        "Uncertainty-Aware", "Structured", "Latent", "Multi-Scale", "Federated", "Causal", "Geometric",
        "Low-Rank", "Streaming", "Data-Efficient", "Interpretable", "Cross-Domain", "Memory-Light",
    ];

    public static readonly string[] Openers =
    [
        "a central", "a long-standing", "a fundamental", "an increasingly important", "a practical", "an open",
    ];

    public static readonly string[] Weaknesses =
    [
        "rely on large amounts of labelled data", "degrade sharply under distribution shift",
        "scale poorly with the input size", "ignore the structure shared across related inputs",
        "require expensive hand-tuned heuristics", "assume clean and complete observations",
        "treat every sample as equally informative", "are hard to deploy on constrained hardware",
    ];

    public static readonly string[] Verbs =
    [
        "aligns intermediate representations across stages", "reuses cached statistics between steps",
        "routes each input through a small set of experts", "learns a compact summary of the context",
        "balances accuracy against inference cost", "propagates confidence estimates through the pipeline",
        "decouples coarse and fine predictions", "distils a large teacher into a small student",
        "replaces dense attention with a sparse lookup", "regularises the latent space with a simple prior",
    ];

    public static readonly string[] Components =
    [
        "gating module", "alignment loss", "curriculum schedule", "memory bank", "calibration head",
        "pruning rule", "sampling strategy", "consistency term", "refinement stage", "token mixer",
    ];

    public static readonly string[] Resources =
    [
        "extra annotations", "task-specific tuning", "external memory", "pretrained detectors", "additional supervision",
    ];

    public static readonly string[] Conjunctions =
    [
        "accuracy & efficiency", "precision & recall", "speed & memory", "quality & diversity", "bias & variance",
    ];

    public static readonly string[] MethodStems =
    [
        "Vel", "Quor", "Zen", "Mar", "Tal", "Bri", "Cor", "Lum", "Nex", "Oph", "Ryl", "Sab", "Tor", "Vex", "Kal",
        "Dra", "Fen", "Gal", "Hol", "Iso", "Jor", "Pim", "Ulm", "Wyn", "Yar", "Zel",
    ];

    public static readonly string[] MethodMiddles = ["a", "o", "i", "e", "u", "ar", "en", "is", string.Empty];

    public static readonly string[] MethodTails =
    [
        "Net", "Former", "Flow", "Rank", "Mix", "GAN", "Diff", "Match", "Graph", "Seg", "Tune", "Lens", "Map", "Fuse",
    ];

    public static readonly string[] DatasetStems =
    [
        "Quarry", "Lumen", "Tessel", "Marrow", "Brindle", "Cobalt", "Harrow", "Juniper", "Kestrel", "Mosaic",
        "Orchard", "Pylon", "Saffron", "Thistle", "Umber", "Wicker",
    ];

    public static readonly string[] DatasetSuffixes = ["-10K", "-3D", "-QA", "-Bench", "-XL", "-Lite", "-200", "-Wild"];

    public static readonly string[] Handles = ["synth-lab", "qlab-open", "mirrowgroup", "tessera-ai", "lumen-research", "northfield-ml"];

    public static readonly string[] Fields = ["a field of characteristic zero", "a number field", "an algebraically closed field", "a finite field", "the complex numbers", "a perfect field of positive characteristic"];

    public static readonly string[] MathObjects =
    [
        "smooth projective variety", "K3 surface", "Fano threefold", "abelian scheme", "toric degeneration",
        "coherent sheaf", "del Pezzo surface", "Calabi-Yau threefold", "hyperelliptic curve", "vector bundle",
        "moduli stack", "Hilbert scheme of points", "log canonical pair", "rational surface", "flat family of curves",
    ];

    public static readonly string[] MathInvariants =
    [
        "Picard group", "canonical ring", "Chow group", "Brauer group", "derived category", "birational automorphism group",
        "cohomology ring", "Mori cone", "effective cone", "Hodge structure", "fundamental group", "Euler characteristic",
    ];

    public static readonly string[] MathProperties =
    [
        "finitely generated", "torsion free", "rationally connected", "of maximal rank", "semistable", "uniformly bounded",
    ];

    public static readonly string[] MathTechniques =
    [
        "deformation", "degeneration", "tropical", "motivic", "vanishing theorem", "minimal model", "Hodge-theoretic", "intersection-theoretic",
    ];

    public static readonly string[] Lemmas = ["Lemma 3.2", "Proposition 4.1", "Theorem 2.5", "Lemma 5.4", "Corollary 6.3"];

    public static readonly string[] VenueWords = ["Synthetic", "Imaginary", "Notional", "Hypothetical", "Invented", "Speculative"];

    public static readonly string[] VenueTopics = ["Perception", "Language Systems", "Retrieval", "Learning Systems", "Inference", "Geometry"];

    public static readonly string[] Cities = ["Port Alder", "Vellmoor", "Eastbridge", "Kestrel Bay", "Marrowgate", "Northfield"];

    public static readonly string[] Journals =
    [
        "Journal of Speculative Geometry", "Transactions on Fictional Retrieval", "Annals of Invented Statistics",
        "Review of Notional Learning", "Letters in Imaginary Perception", "Bulletin of Hypothetical Linguistics",
    ];

    public static readonly string[] AcmCodes = ["I.2.10", "I.4.8", "I.2.6", "I.2.7", "H.3.3", "F.2.2", "I.5.1", "G.3", "H.2.8", "I.4.6"];

    public static readonly string[] MscCodes = ["14J28", "14H10", "14E30", "14F05", "14D20", "14C25", "13D02"];

    public static readonly string[] StatCodes = ["62H30", "62F15", "62G08", "68T05", "62M10"];

    public static readonly string[] CsMscCodes = ["68T45", "68T50", "68P20", "68T07", "68U10"];

    private static readonly string[] ObjectsVision = ["image", "video clip", "point cloud", "depth map", "segmentation mask", "optical flow field", "multi-view scene", "texture atlas"];

    private static readonly string[] ObjectsLanguage = ["sentence", "dialogue turn", "parallel corpus", "prompt", "document summary", "token sequence", "discourse tree", "code-switched text"];

    private static readonly string[] ObjectsRetrieval = ["query", "ranked list", "inverted index", "click log", "user session", "product catalogue", "passage collection", "knowledge graph"];

    private static readonly string[] ObjectsStatistics = ["posterior", "estimator", "covariance matrix", "time series", "mixture model", "confidence set", "treatment effect", "sampler"];

    private static readonly string[] ObjectsDefault = ["gradient", "policy", "loss landscape", "graph", "kernel", "replay buffer", "reward signal", "embedding table"];

    private static readonly string[] TasksVision = ["Semantic Segmentation", "Object Detection", "Depth Estimation", "Image Restoration", "Video Understanding", "Pose Estimation", "Scene Reconstruction"];

    private static readonly string[] TasksLanguage = ["Machine Translation", "Question Answering", "Summarization", "Named Entity Recognition", "Dialogue Generation", "Grammatical Error Correction"];

    private static readonly string[] TasksRetrieval = ["Dense Retrieval", "Sequential Recommendation", "Query Expansion", "Re-Ranking", "Conversational Search", "Click Modelling"];

    private static readonly string[] TasksStatistics = ["Causal Inference", "Density Estimation", "Change-Point Detection", "Variable Selection", "Conformal Prediction", "Bayesian Optimisation"];

    private static readonly string[] TasksMathematics = ["Birational Classification", "Moduli Problems", "Enumerative Geometry", "Derived Equivalences"];

    private static readonly string[] TasksDefault = ["Continual Learning", "Offline Reinforcement Learning", "Graph Representation Learning", "Domain Adaptation", "Neural Architecture Search", "Federated Optimisation"];

    private static readonly string[] TechniquesVision = ["deformable convolutions", "masked autoencoding", "neural radiance fields", "feature pyramids", "diffusion priors"];

    private static readonly string[] TechniquesLanguage = ["retrieval augmentation", "instruction tuning", "span-level contrastive learning", "constrained decoding", "adapter layers"];

    private static readonly string[] TechniquesRetrieval = ["late interaction", "hard-negative mining", "graph propagation", "learned sparse representations", "listwise distillation"];

    private static readonly string[] TechniquesStatistics = ["variational inference", "bootstrap resampling", "Gaussian process surrogates", "empirical Bayes shrinkage", "optimal transport"];

    private static readonly string[] TechniquesDefault = ["meta-learning", "policy distillation", "message passing", "mixture of experts", "implicit differentiation"];

    private static readonly string[] MetricsVision = ["mean IoU", "average precision", "PSNR", "top-1 accuracy"];

    private static readonly string[] MetricsLanguage = ["BLEU", "exact match", "ROUGE-L", "F1"];

    private static readonly string[] MetricsRetrieval = ["nDCG@10", "recall@100", "MRR", "hit rate"];

    private static readonly string[] MetricsStatistics = ["coverage", "mean squared error", "log-likelihood", "regret"];

    private static readonly string[] MetricsDefault = ["average return", "accuracy", "sample efficiency", "test loss"];

    /// <summary>Nouns (things a method works on) per topic.</summary>
    public static string[] Objects(Topic topic) => topic switch
    {
        Topic.Vision => ObjectsVision,
        Topic.Language => ObjectsLanguage,
        Topic.Retrieval => ObjectsRetrieval,
        Topic.Statistics => ObjectsStatistics,
        Topic.Mathematics => MathObjects,
        _ => ObjectsDefault,
    };

    /// <summary>Tasks (what a method is for) per topic.</summary>
    public static string[] Tasks(Topic topic) => topic switch
    {
        Topic.Vision => TasksVision,
        Topic.Language => TasksLanguage,
        Topic.Retrieval => TasksRetrieval,
        Topic.Statistics => TasksStatistics,
        Topic.Mathematics => TasksMathematics,
        _ => TasksDefault,
    };

    /// <summary>Techniques a method builds on, per topic.</summary>
    public static string[] Techniques(Topic topic) => topic switch
    {
        Topic.Vision => TechniquesVision,
        Topic.Language => TechniquesLanguage,
        Topic.Retrieval => TechniquesRetrieval,
        Topic.Statistics => TechniquesStatistics,
        Topic.Mathematics => MathTechniques,
        _ => TechniquesDefault,
    };

    /// <summary>Metrics reported in results sentences, per topic.</summary>
    public static string[] Metrics(Topic topic) => topic switch
    {
        Topic.Vision => MetricsVision,
        Topic.Language => MetricsLanguage,
        Topic.Retrieval => MetricsRetrieval,
        Topic.Statistics => MetricsStatistics,
        _ => MetricsDefault,
    };

    public static string FieldName(Topic topic) => topic switch
    {
        Topic.Vision => "computer vision",
        Topic.Language => "natural language processing",
        Topic.Retrieval => "information retrieval",
        Topic.Statistics => "statistical learning",
        Topic.Mathematics => "algebraic geometry",
        _ => "machine learning",
    };

    public static Topic TopicOf(string category)
    {
        var dot = category.IndexOf('.', StringComparison.Ordinal);
        var archive = dot < 0 ? category : category[..dot];
        return category switch
        {
            "cs.CV" or "eess.IV" or "cs.GR" or "cs.RO" => Topic.Vision,
            "cs.CL" or "cs.SD" => Topic.Language,
            "cs.IR" or "cs.DB" or "cs.DL" => Topic.Retrieval,
            _ when archive is "stat" or "econ" or "q-fin" => Topic.Statistics,
            _ when archive is "math" => Topic.Mathematics,
            _ => Topic.Learning,
        };
    }
}
