import CompareKit
import Testing

@Suite("Significance notes")
struct SignificanceNoteTests {
    @Test("a reliable test reads as χ²(df), p, Cramér's V and n")
    func reliable() throws {
        let note = SignificanceNote(try ChiSquareTest([[10, 20, 30], [20, 25, 15]]))
        #expect(note.text == "χ²(2) = 8.89, p = 0.012, Cramér's V = 0.27 (n = 120)")
        #expect(!note.isTooSmallToTell)
    }

    @Test("very small p-values read as p < 0.001, and a large statistic gets one decimal")
    func tinyPValue() throws {
        let note = SignificanceNote(try ChiSquareTest([[120, 90, 40, 30], [80, 100, 60, 20], [30, 50, 70, 90]]))
        #expect(note.text == "χ²(6) = 141.4, p < 0.001, Cramér's V = 0.30 (n = 780)")
    }

    @Test("too few counts and no exact test: says n is too small to tell")
    func tooSmallToTell() throws {
        let note = SignificanceNote(try ChiSquareTest([[1, 0, 2], [0, 3, 1]]))
        #expect(note.text == "n too small to tell (6 of 6 expected counts below 5, smallest 0.43; n = 7)")
        #expect(note.isTooSmallToTell)
    }

    @Test("too few counts in a 2×2 table: Fisher's exact p stands in")
    func fisherStandsIn() throws {
        let note = SignificanceNote(try ChiSquareTest([[3, 1], [1, 3]]))
        #expect(note.text
            == "too few counts for χ² (4 of 4 expected counts below 5): Fisher's exact p = 0.486 (n = 8)")
        #expect(!note.isTooSmallToTell)
    }

    @Test("dropped empty rows and columns are mentioned")
    func mentionsDropped() throws {
        let note = SignificanceNote(try ChiSquareTest([[0, 0, 0], [30, 0, 20], [20, 0, 30], [0, 0, 0]]))
        #expect(note.text
            == "χ²(1) = 4.00, p = 0.046, Cramér's V = 0.20 (n = 100; 2 empty rows and 1 empty column left out)")
    }

    @Test("nothing to compare", arguments: [([[4, 5, 6]], "nothing to compare: only one non-empty row (n = 15)"),
                                            ([[4], [5]], "nothing to compare: only one non-empty column (n = 9)"),
                                            ([[0, 0]], "no counts to compare")])
    func nothingToCompare(_ table: [[Int]], _ expected: String) throws {
        #expect(SignificanceNote(try ChiSquareTest(table)).text == expected)
    }
}
