namespace Etl.Core.Generation;

/// <summary>How one author's name is written in one paper: the way real metadata drifts between records.</summary>
internal enum Spelling : byte
{
    /// <summary>As the person writes it, accents included (NFC).</summary>
    Canonical,

    /// <summary>Accents dropped: <c>Amelie</c>.</summary>
    Ascii,

    /// <summary>UTF-8 bytes read as Windows-1252: <c>AmÃ©lie</c>.</summary>
    Windows1252,

    /// <summary>UTF-8 bytes read as Mac Roman: <c>Am√©lie</c>.</summary>
    MacRoman,

    /// <summary>Accents as combining marks (NFD); looks the same, differs in bytes.</summary>
    Decomposed,

    /// <summary>Family name in capitals: <c>Anna VARNELL</c>.</summary>
    UpperFamily,

    /// <summary>Two spaces between given and family name.</summary>
    DoubleSpace,
}
