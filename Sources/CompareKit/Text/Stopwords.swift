/// English function words, left out of the distinctive-words counts (they say nothing about an
/// outlet's vocabulary). Written for Workbench.
enum Stopwords {
    /// The longest stop word's length in bytes: longer words need no lookup.
    static let longest = english.map(\.utf8.count).max() ?? 0

    static let english: Set<String> = [
        "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "as", "at", "be", "because",
        "been", "before", "being", "below", "between", "both", "but", "by", "can", "could", "did", "do", "does", "doing", "down",
        "during", "each", "even", "ever", "few", "for", "from", "further", "had", "has", "have", "having", "he", "her", "here", "hers",
        "herself", "him", "himself", "his", "how", "however", "if", "in", "into", "is", "it", "its", "itself", "just", "least", "less",
        "many", "may", "me", "might", "more", "most", "much", "must", "my", "myself", "no", "nor", "not", "now", "of", "off", "on",
        "once", "only", "or", "other", "others", "our", "ours", "ourselves", "out", "over", "own", "per", "same", "shall", "she",
        "should", "since", "so", "some", "such", "than", "that", "the", "their", "theirs", "them", "themselves", "then", "there",
        "these", "they", "this", "those", "though", "through", "thus", "to", "too", "under", "until", "up", "upon", "us", "very",
        "via", "was", "we", "were", "what", "when", "where", "whether", "which", "while", "who", "whom", "whose", "why", "will",
        "with", "within", "without", "would", "yet", "you", "your", "yours", "yourself", "yourselves", "said", "says", "say",
        "told", "according", "mr", "mrs", "ms", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    ]
}
