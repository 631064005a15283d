// wordcount — the example Swift stage (docs/WRITING-STAGES.md walks through it).
// Counts words and sentences and lists the most frequent content words, with the
// Unicode-scalar offsets of each word's first occurrence so a table can point back to it.
import StageKit

struct WordCount: DocumentStage {
    struct Configuration: Decodable {
        var minLength = 3
        var top = 10
        var stopwords: [String] = ["the", "and", "that", "with", "from", "for", "was", "were", "are", "has", "have", "had", "this", "its", "their", "they", "said", "which", "who", "been", "but", "not", "after", "also", "into", "than", "will", "would", "over", "about"]

        enum CodingKeys: String, CodingKey { case minLength = "min_length", top, stopwords }

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            minLength = try c.decodeIfPresent(Int.self, forKey: .minLength) ?? minLength
            top = try c.decodeIfPresent(Int.self, forKey: .top) ?? top
            stopwords = try c.decodeIfPresent([String].self, forKey: .stopwords) ?? stopwords
        }
    }

    struct Term: Encodable {
        var word: String
        var count: Int
        /// Scalar offsets of the first occurrence.
        var start: Int
        var end: Int
    }

    struct Output: Encodable {
        var words: Int
        var sentences: Int
        var paragraphs: Int
        var top: [Term]
    }

    static let info = StageInfo(
        name: "wordcount", version: "1.0.0", produces: "wordcount/1",
        summary: "Counts words, sentences and paragraphs; lists the most frequent content words with spans.",
        configSchema: [
            "type": "object",
            "properties": [
                "min_length": ["type": "integer", "minimum": 1, "description": "shortest word counted in `top`"],
                "top": ["type": "integer", "minimum": 0, "maximum": 1000, "description": "how many frequent words to list"],
                "stopwords": ["type": "array", "items": ["type": "string"], "description": "words left out of `top`"],
            ],
            "additionalProperties": false,
        ])

    let configuration: Configuration
    let stopwords: Set<String>

    init(configuration: Configuration, context: StageContext) throws {
        guard configuration.minLength <= 40 else {
            throw StageFailure("config.min_length: \(configuration.minLength) is longer than any English word", field: "min_length")
        }
        self.configuration = configuration
        self.stopwords = Set(configuration.stopwords.map { $0.lowercased() })
    }

    func process(_ task: StageTask) throws -> Output {
        let scalars = Array(task.document.text.unicodeScalars)
        var words = 0
        var sentences = 0
        var counts: [String: (count: Int, start: Int, end: Int)] = [:]
        var index = 0
        while index < scalars.count {
            guard scalars[index].properties.isAlphabetic else {
                if ".!?".unicodeScalars.contains(scalars[index]) { sentences += 1 }
                index += 1
                continue
            }
            let start = index
            while index < scalars.count, scalars[index].properties.isAlphabetic || scalars[index] == "'" || scalars[index] == "-" { index += 1 }
            words += 1
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[start..<index])
            let word = String(view).lowercased()
            guard word.count >= configuration.minLength, !stopwords.contains(word) else { continue }
            counts[word, default: (0, start, index)].count += 1
        }
        let paragraphs = task.document.text.split(separator: "\n\n", omittingEmptySubsequences: true).count
        let top = counts.sorted { ($0.value.count, $1.key) > ($1.value.count, $0.key) }.prefix(configuration.top)
        return Output(words: words, sentences: sentences, paragraphs: paragraphs,
                      top: top.map { Term(word: $0.key, count: $0.value.count, start: $0.value.start, end: $0.value.end) })
    }
}

StageMain.run(WordCount.self)
