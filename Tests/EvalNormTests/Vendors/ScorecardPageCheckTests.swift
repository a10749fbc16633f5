import EvalNorm
import Foundation
import Testing

/// `ScorecardPageCheck` finds where a Scorecard run and its records pages contradict each other, and
/// leaves consistent dumps alone.
struct ScorecardPageCheckTests {
    typealias Contradiction = ScorecardPageContradiction

    /// The documents of one consistent Scorecard run on disk.
    struct Group: Sendable, CustomTestStringConvertible {
        let testDescription: String
        let files: [URL]

        func documents() throws -> [DetectedDocument] {
            try files.map { try RunReader().document(from: TestPaths.bytes(of: $0)) }
        }
    }

    static let mergedFolder = TestPaths.fixtures.appendingPathComponent("scorecard-merged")

    static func fixture(_ name: String) -> Group {
        let folder = mergedFolder.appendingPathComponent(name)
        return Group(testDescription: name, files: TestPaths.files(in: folder, withExtension: "json").map { folder.appendingPathComponent($0) })
    }

    /// `Examples/scorecard-run.json` and its two records pages.
    static let examples = Group(testDescription: "Examples", files: ["scorecard-run", "scorecard-records-page-1", "scorecard-records-page-2"]
        .map { TestPaths.examples.appendingPathComponent($0 + ".json") })

    /// Every consistent group: each fixture folder, and the examples.
    static let consistentGroups: [Group] = {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: mergedFolder.path)) ?? []).sorted()
        return names.map(fixture) + [examples]
    }()

    // Fixture documents, by position:
    // run-two-pages:          0 run '5120'; 1 page [60001, 60002] cursor '60003', total 4; 2 page [60003, 60004] last, total 4
    // pages-only:             0 page [9001, 9002, 9003] runId '6001', cursor '9004', total 4; 1 page [9004] last, total 4
    // legacy-run-three-pages: 0 run '77'; 1 page [r-1, r-2]; 2 page [r-3, r-4]; 3 page [r-5] last; no totals
    // Examples:               0 run '1374'; 1 page [55101…55103] total 6; 2 page [55104…55106] last, total 6
    static func runTwoPages() throws -> [DetectedDocument] { try fixture("run-two-pages").documents() }
    static func pagesOnly() throws -> [DetectedDocument] { try fixture("pages-only").documents() }
    static func legacyThreePages() throws -> [DetectedDocument] { try fixture("legacy-run-three-pages").documents() }
    static func exampleDocuments() throws -> [DetectedDocument] { try examples.documents() }

    static func contradiction(_ kind: Contradiction.Kind, _ first: Int, _ second: Int, _ pointer: String, _ message: String) throws -> Contradiction {
        Contradiction(kind: kind, first: first, second: second, pointer: try JSONPointer(pointer), message: message)
    }

    // MARK: Consistent dumps

    @Test func consistentGroupsExist() {
        #expect(ScorecardPageCheckTests.consistentGroups.count >= 4)
    }

    @Test(arguments: consistentGroups)
    func consistentGroupHasNoContradiction(group: Group) throws {
        let documents = try group.documents()
        try #require(documents.count >= 2)
        #expect(documents.allSatisfy { $0.format.vendor == .scorecard })
        #expect(RunReader().groupIntoRuns(documents) == [Array(documents.indices)])
        #expect(ScorecardPageCheck.contradictions(in: documents) == [])
    }

    @Test func noDocumentsNoContradiction() {
        #expect(ScorecardPageCheck.contradictions(in: []) == [])
    }

    // MARK: runId

    @Test func recordOfAnotherRunContradictsTheRun() throws {
        var documents = try Self.runTwoPages()
        documents[2] = try documents[2].setting("/data/1/runId", to: "5121")
        #expect(ScorecardPageCheck.contradictions(in: documents) == [
            try Self.contradiction(.runID, 0, 2, "/data/1/runId", "record '60004' has runId '5121', but the run's id is '5120'"),
        ])
    }

    @Test func everyRecordOfAnotherRunIsReported() throws {
        var documents = try Self.exampleDocuments()
        for index in 0..<3 { documents[2] = try documents[2].setting("/data/\(index)/runId", to: "1375") }
        #expect(ScorecardPageCheck.contradictions(in: documents) == [
            try Self.contradiction(.runID, 0, 2, "/data/0/runId", "record '55104' has runId '1375', but the run's id is '1374'"),
            try Self.contradiction(.runID, 0, 2, "/data/1/runId", "record '55105' has runId '1375', but the run's id is '1374'"),
            try Self.contradiction(.runID, 0, 2, "/data/2/runId", "record '55106' has runId '1375', but the run's id is '1374'"),
        ])
    }

    @Test func withoutARunThePagesRunIdCounts() throws {
        var documents = try Self.pagesOnly()
        documents[1] = try documents[1].setting("/data/0/runId", to: "6002")
        #expect(ScorecardPageCheck.contradictions(in: documents) == [
            try Self.contradiction(.runID, 0, 1, "/data/0/runId", "record '9004' has runId '6002', but /data/0/runId of the other file is '6001'"),
        ])
    }

    @Test func recordsOfOnePageThatDisagree() throws {
        var documents = try Self.pagesOnly()
        documents[0] = try documents[0].setting("/data/2/runId", to: "6002")
        #expect(ScorecardPageCheck.contradictions(in: documents) == [
            try Self.contradiction(.runID, 0, 0, "/data/2/runId", "record '9003' has runId '6002', but /data/0/runId is '6001'"),
        ])
    }

    @Test func aRunIdThatIsANumberMatchesTheRecordsRunIdText() throws {
        var documents = try Self.runTwoPages()
        documents[0] = try documents[0].setting("/id", to: 5120)
        #expect(ScorecardPageCheck.contradictions(in: documents) == [])
        documents[0] = try documents[0].setting("/id", to: 5121)
        #expect(ScorecardPageCheck.contradictions(in: documents).map(\.message) == [
            "record '60001' has runId '5120', but the run's id is '5121'",
            "record '60002' has runId '5120', but the run's id is '5121'",
            "record '60003' has runId '5120', but the run's id is '5121'",
            "record '60004' has runId '5120', but the run's id is '5121'",
        ])
    }

    @Test func aRunDocumentAfterThePagesStillNamesTheRun() throws {
        let documents = try Self.runTwoPages()
        var reordered = [documents[1], documents[2], documents[0]]
        reordered[0] = try reordered[0].setting("/data/0/runId", to: "9")
        #expect(ScorecardPageCheck.contradictions(in: reordered) == [
            try Self.contradiction(.runID, 2, 0, "/data/0/runId", "record '60001' has runId '9', but the run's id is '5120'"),
        ])
    }

    // MARK: Record ids

    @Test func recordInTwoPages() throws {
        var documents = try Self.exampleDocuments()
        documents[2] = try documents[2].setting("/data/2/id", to: "55102")
        #expect(ScorecardPageCheck.contradictions(in: documents) == [
            try Self.contradiction(.duplicateRecord, 1, 2, "/data/2", "record '55102' appears twice (first at /data/1 of the other file)"),
        ])
    }

    @Test func recordTwiceInOnePage() throws {
        var documents = try Self.exampleDocuments()
        documents[1] = try documents[1].setting("/data/2/id", to: "55101")
        #expect(ScorecardPageCheck.contradictions(in: documents) == [
            try Self.contradiction(.duplicateRecord, 1, 1, "/data/2", "record '55101' appears twice (first at /data/0)"),
        ])
    }

    @Test func recordThreeTimes() throws {
        var documents = try Self.legacyThreePages()
        documents[2] = try documents[2].setting("/data/1/id", to: "r-1")
        documents[3] = try documents[3].setting("/data/0/id", to: "r-1")
        #expect(ScorecardPageCheck.contradictions(in: documents) == [
            try Self.contradiction(.duplicateRecord, 1, 2, "/data/1", "record 'r-1' appears twice (first at /data/0 of the other file)"),
            try Self.contradiction(.duplicateRecord, 1, 3, "/data/0", "record 'r-1' appears 3 times (first at /data/0 of the other file)"),
        ])
    }

    @Test func pageGivenTwice() throws {
        let documents = try Self.exampleDocuments()
        let twice = [documents[0], documents[1], documents[1], documents[2]]
        #expect(ScorecardPageCheck.contradictions(in: twice) == [
            try Self.contradiction(.duplicateRecord, 1, 2, "/data/0", "record '55101' appears twice (first at /data/0 of the other file)"),
            try Self.contradiction(.duplicateRecord, 1, 2, "/data/1", "record '55102' appears twice (first at /data/1 of the other file)"),
            try Self.contradiction(.duplicateRecord, 1, 2, "/data/2", "record '55103' appears twice (first at /data/2 of the other file)"),
            try Self.contradiction(.total, 3, 3, "/total", "total is 6, but the 3 pages hold 9 records"),
        ])
    }

    @Test func recordIdsCompareByTheirBytes() throws {
        var documents = try Self.pagesOnly()
        documents[0] = try documents[0].setting("/data/0/id", to: "\u{E9}")
        documents[0] = try documents[0].setting("/data/1/id", to: "e\u{301}")
        #expect(ScorecardPageCheck.contradictions(in: documents) == [])
    }

    // MARK: hasMore and nextCursor

    @Test func pageSaysNoMoreWhileMoreFollow() throws {
        var documents = try Self.legacyThreePages()
        documents[1] = try documents[1].setting("/hasMore", to: false)
        #expect(ScorecardPageCheck.contradictions(in: documents) == [
            try Self.contradiction(.hasMore, 2, 1, "/hasMore", "hasMore is false, but 2 more pages follow"),
        ])
    }

    @Test func lastPageInTheMiddle() throws {
        let documents = try Self.runTwoPages()
        let swapped = [documents[0], documents[2], documents[1]]
        #expect(ScorecardPageCheck.contradictions(in: swapped) == [
            try Self.contradiction(.hasMore, 2, 1, "/hasMore", "hasMore is false, but 1 more page follows"),
        ])
    }

    @Test func pageWithoutACursorWhileMoreFollow() throws {
        var documents = try Self.pagesOnly()
        documents[0] = try documents[0].setting("/nextCursor", to: .null)
        #expect(ScorecardPageCheck.contradictions(in: documents) == [
            try Self.contradiction(.nextCursor, 1, 0, "/nextCursor", "nextCursor is null, but 1 more page follows"),
        ])
    }

    @Test func lastPageWithACursorAndNoMore() throws {
        var documents = try Self.pagesOnly()
        documents[1] = try documents[1].setting("/nextCursor", to: "9005")
        #expect(ScorecardPageCheck.contradictions(in: documents) == [
            try Self.contradiction(.nextCursor, 1, 1, "/nextCursor", "nextCursor is '9005', but hasMore is false"),
        ])
    }

    @Test func longCursorIsCut() throws {
        var documents = try Self.pagesOnly()
        documents[1] = try documents[1].setting("/nextCursor", to: .string(String(repeating: "c", count: 41)))
        #expect(ScorecardPageCheck.contradictions(in: documents).map(\.message) == [
            "nextCursor is '\(String(repeating: "c", count: 40))…', but hasMore is false",
        ])
    }

    @Test func partialDumpIsNoContradiction() throws {
        var documents = try Self.pagesOnly()
        documents[1] = try documents[1].setting("/hasMore", to: true)
        documents[1] = try documents[1].setting("/nextCursor", to: "9005")
        #expect(ScorecardPageCheck.contradictions(in: documents) == [])
        // The first page alone: 3 of 4 records, more to come.
        #expect(ScorecardPageCheck.contradictions(in: [documents[0]]) == [])
        // The run and its first page.
        let run = try Self.runTwoPages()
        #expect(ScorecardPageCheck.contradictions(in: [run[0], run[1]]) == [])
    }

    // MARK: total

    @Test func totalsThatDisagree() throws {
        var documents = try Self.runTwoPages()
        documents[2] = try documents[2].setting("/total", to: 5)
        #expect(ScorecardPageCheck.contradictions(in: documents) == [
            try Self.contradiction(.total, 1, 2, "/total", "total is 5, but the other file's total is 4"),
            try Self.contradiction(.total, 2, 2, "/total", "total is 5, but the 2 pages hold 4 records and the last says hasMore: false"),
        ])
    }

    @Test func totalAgainstAllRecords() throws {
        var documents = try Self.exampleDocuments()
        documents[1] = try documents[1].setting("/total", to: 7)
        documents[2] = try documents[2].setting("/total", to: 7)
        #expect(ScorecardPageCheck.contradictions(in: documents) == [
            try Self.contradiction(.total, 2, 2, "/total", "total is 7, but the 2 pages hold 6 records and the last says hasMore: false"),
        ])
    }

    @Test func totalStatedOnTheFirstPageOnly() throws {
        var documents = try Self.exampleDocuments()
        documents[1] = try documents[1].setting("/total", to: 5)
        documents[2] = try documents[2].removing("/total")
        #expect(ScorecardPageCheck.contradictions(in: documents) == [
            try Self.contradiction(.total, 2, 1, "/total", "total is 5, but the 2 pages hold 6 records"),
        ])
    }

    @Test func onePageAgainstItsTotal() throws {
        let documents = try Self.pagesOnly()
        #expect(ScorecardPageCheck.contradictions(in: [documents[1]]) == [
            try Self.contradiction(.total, 0, 0, "/total", "total is 4, but the page holds 1 record and it says hasMore: false"),
        ])
    }

    @Test func moreRecordsThanTheTotalInAPartialDump() throws {
        var documents = try Self.pagesOnly()
        for position in 0..<2 { documents[position] = try documents[position].setting("/total", to: 3) }
        documents[1] = try documents[1].setting("/hasMore", to: true)
        documents[1] = try documents[1].setting("/nextCursor", to: "9005")
        #expect(ScorecardPageCheck.contradictions(in: documents) == [
            try Self.contradiction(.total, 1, 1, "/total", "total is 3, but the 2 pages hold 4 records"),
        ])
        documents[0] = try documents[0].setting("/total", to: 2)
        documents[1] = try documents[1].setting("/total", to: 2)
        #expect(ScorecardPageCheck.contradictions(in: [documents[0]]) == [
            try Self.contradiction(.total, 0, 0, "/total", "total is 2, but the page holds 3 records"),
        ])
    }

    @Test func totalsCompareByValue() throws {
        var documents = try Self.runTwoPages()
        documents[2] = try documents[2].setting("/total", to: .number(try #require(JSONNumber(lexeme: "4.0"))))
        #expect(ScorecardPageCheck.contradictions(in: documents) == [])
        documents[2] = try documents[2].setting("/total", to: .number(try #require(JSONNumber(lexeme: "0.4e1"))))
        #expect(ScorecardPageCheck.contradictions(in: documents) == [])
    }

    // MARK: Not checked

    @Test func numRecordsIsInformational() throws {
        for numRecords in [99, 2, 0] {
            var documents = try Self.runTwoPages()
            documents[0] = try documents[0].setting("/numRecords", to: .number(JSONNumber(numRecords)))
            #expect(ScorecardPageCheck.contradictions(in: documents) == [])
        }
    }

    @Test func valuesOfUnexpectedTypesAreSkipped() throws {
        var documents = try Self.pagesOnly()
        documents[0] = try documents[0].setting("/data/0", to: "not a record")
        documents[0] = try documents[0].setting("/data/1/runId", to: 6002)
        documents[0] = try documents[0].setting("/data/2/id", to: 9004)
        documents[0] = try documents[0].setting("/hasMore", to: "false")
        documents[1] = try documents[1].setting("/nextCursor", to: 9005)
        documents[1] = try documents[1].setting("/total", to: "5")
        #expect(ScorecardPageCheck.contradictions(in: documents) == [])

        var pages = try Self.pagesOnly()
        pages[0] = try pages[0].setting("/data", to: ["id": "9001"])  // records cannot be counted
        pages[0] = try pages[0].removing("/nextCursor")
        pages[0] = try pages[0].removing("/hasMore")
        pages[1] = try pages[1].setting("/total", to: -1)
        pages[1] = try pages[1].removing("/hasMore")
        pages[1] = try pages[1].removing("/data/0/id")
        #expect(ScorecardPageCheck.contradictions(in: pages) == [])

        var run = try Self.runTwoPages()
        run[0] = try run[0].setting("/id", to: ["5121"])  // no run id: the pages' runId counts
        run[1] = try run[1].setting("/total", to: 4.5)
        #expect(ScorecardPageCheck.contradictions(in: run) == [])
    }

    @Test func recordWithoutAnId() throws {
        var documents = try Self.runTwoPages()
        documents[1] = try documents[1].removing("/data/0/id")
        documents[1] = try documents[1].setting("/data/0/runId", to: "5121")
        #expect(ScorecardPageCheck.contradictions(in: documents) == [
            try Self.contradiction(.runID, 0, 1, "/data/0/runId", "the record has runId '5121', but the run's id is '5120'"),
        ])
    }

    @Test func documentsOfOtherVendorsAreSkipped() throws {
        let aegis = try RunReader().document(from: TestPaths.bytes(of: TestPaths.examples.appendingPathComponent("aegis-run.json")))
        try #require(aegis.format.vendor == .aegis)
        var documents = try Self.exampleDocuments()
        documents.insert(aegis, at: 1)
        #expect(ScorecardPageCheck.contradictions(in: documents) == [])
        documents[3] = try documents[3].setting("/data/0/id", to: "55101")
        #expect(ScorecardPageCheck.contradictions(in: documents) == [
            try Self.contradiction(.duplicateRecord, 2, 3, "/data/0", "record '55101' appears twice (first at /data/0 of the other file)"),
        ])
    }

    // MARK: Description

    @Test func description() throws {
        let between = try Self.contradiction(.runID, 0, 2, "/data/1/runId", "record '60004' has runId '5121', but the run's id is '5120'")
        #expect(between.description == "document 3: /data/1/runId: record '60004' has runId '5121', but the run's id is '5120' (contradicts document 1)")
        let within = try Self.contradiction(.nextCursor, 1, 1, "/nextCursor", "nextCursor is 'a\u{1B}b', but hasMore is false")
        #expect(within.description == #"document 2: /nextCursor: nextCursor is 'a\u001Bb', but hasMore is false"#)
        let root = try Self.contradiction(.total, 0, 1, "", "message")
        #expect(root.description == "document 2: message (contradicts document 1)")
        #expect(Contradiction.Kind.duplicateRecord.description == "duplicateRecord")
    }
}

extension DetectedDocument {
    /// A copy with the value at `pointer` replaced, or added when its object has no member by that
    /// name. Fails the test when the pointer's parent is absent.
    func setting(_ pointer: String, to newValue: JSONValue) throws -> DetectedDocument {
        try editing(pointer, newValue)
    }

    /// A copy without the value at `pointer`. Fails the test when the pointer's parent is absent.
    func removing(_ pointer: String) throws -> DetectedDocument {
        try editing(pointer, nil)
    }

    private func editing(_ pointer: String, _ newValue: JSONValue?) throws -> DetectedDocument {
        let tokens = try JSONPointer(pointer).tokens
        try #require(!tokens.isEmpty, "cannot edit the whole document")
        return DetectedDocument(format: format, value: try Self.replacing(in: value, at: tokens[...], with: newValue))
    }

    private static func replacing(in value: JSONValue, at tokens: ArraySlice<String>, with newValue: JSONValue?) throws -> JSONValue {
        let token = try #require(tokens.first)
        let rest = tokens.dropFirst()
        switch value {
        case .object(var object):
            if rest.isEmpty {
                object[token] = newValue
            } else {
                object[token] = try replacing(in: try #require(object[token], "no member '\(token)'"), at: rest, with: newValue)
            }
            return .object(object)
        case .array(var elements):
            let index = try #require(Int(token), "'\(token)' is not an index")
            try #require(elements.indices.contains(index), "no element \(index)")
            if rest.isEmpty {
                if let newValue { elements[index] = newValue } else { elements.remove(at: index) }
            } else {
                elements[index] = try replacing(in: elements[index], at: rest, with: newValue)
            }
            return .array(elements)
        default:
            try #require(Bool(false), "cannot go into \(value.typeName) at '\(token)'")
            return value
        }
    }
}
