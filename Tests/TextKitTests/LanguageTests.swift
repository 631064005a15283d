import Testing
import TextKit
import WorkbenchProtocol

@Suite("Language detection")
struct LanguageTests {
    @Test("The data file loads")
    func dataLoads() throws {
        let value = try TextKitData.json("language/function-words.json")
        #expect(value["en"]?.arrayValue?.isEmpty == false)
    }

    @Test("English, French and German news sentences", arguments: [
        ("The Armenian Defense Ministry said on Friday that one soldier was killed in the clashes.", "en"),
        ("Le ministère de la Défense a annoncé que deux soldats ont été tués dans les affrontements à la frontière.", "fr"),
        ("Das Verteidigungsministerium teilte mit, dass bei den Gefechten an der Grenze zwei Soldaten getötet wurden.", "de"),
        ("Министерство обороны сообщило о гибели двух военнослужащих.", "ru"),
    ])
    func languages(text: String, expected: String) {
        #expect(LanguageDetector.shared.detect(text).language == expected)
    }

    @Test("A short or unclear text is taken as English rather than skipped")
    func shortText() {
        #expect(LanguageDetector.shared.detect("Aliyev and Pashinyan met.").language == "en")
    }
}
