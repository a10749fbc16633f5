import Foundation
import Testing
@testable import EvalNorm

/// Large runs are written and checked on several threads (``Shares``); what comes out must be exactly
/// what one thread gives, and a difference anywhere must still be found.
@Suite struct SharedWorkTests {
    @Test(arguments: [0, 1, 7, 1_024, 1_025, 4_099])
    func rangesCoverEveryElementOnceInOrder(count: Int) {
        for jobs in 1...5 {
            let ranges = Shares.ranges(of: count, jobs: jobs)
            #expect(ranges.count == max(1, min(jobs, count)))
            #expect(ranges.flatMap { Array($0) } == Array(0..<count))
            let lengths = ranges.map(\.count)
            #expect((lengths.max() ?? 0) - (lengths.min() ?? 0) <= 1, "shares of \(count) for \(jobs) jobs: \(lengths)")
        }
    }

    @Test func mapGivesTheSharesInOrder() {
        let results = Shares.map(10_000, jobs: 4) { range in range.map { $0 * 2 } }
        #expect(results.count == 4)
        #expect(results.flatMap { $0 } == (0..<10_000).map { $0 * 2 })
    }

    @Test(arguments: [0, 1, 1_023, 1_024, 3_001], [JSONWriter.Style.compact, .pretty])
    func canonicalTextOfManyRecordsIsTheWholeValueWritten(count: Int, style: JSONWriter.Style) throws {
        var generator = RandomRunGenerator(seed: UInt64(count))
        var run = generator.run()
        run.records = (0..<count).map { _ in generator.record() }
        let text = CanonicalCodec().encode(run, style: style)
        #expect(text == JSONWriter(style: style).write(run.canonicalValue))
        #expect(try CanonicalCodec().decode(text) == run)
    }

    @Test(arguments: 1...3 as ClosedRange<UInt64>)
    func aegisRunsOfThousandsOfRecordsRoundTripByTheirMapping(seed: UInt64) throws {
        var payloads = RandomVendorPayloads(seed: seed)
        var value = payloads.aegisRun(records: 1_200)
        while value["evaluations"]?.arrayValue == nil { value = payloads.aegisRun(records: 1_200) }
        let codec = AegisCodec()
        let run = try codec.decode([VendorDocument(vendor: .aegis, kind: .run, value: value)])
        #expect(run.records.count == 1_200)
        #expect(!run.hasVerbatimCopy, "the field mapping could not re-create a large run")
        #expect(try codec.encode(run).map(\.value) == [value])
    }

    /// The comparison behind the verbatim safety net, against `==`: large arrays, a difference in any
    /// share, in a key, in a length.
    @Test func sharedComparisonFindsEveryDifference() {
        let elements: [JSONValue] = (0..<3_000).map { ["id": .number(JSONNumber($0)), "text": .string("record \($0) ✓")] }
        let document: JSONValue = ["id": 7, "evaluations": .array(elements), "tail": "end"]
        // Booleans, not the values, go into the expectations: a failure would print 3,000 elements.
        let same = VerbatimCopy.equal(document, document)
        #expect(same)
        for position in [0, 1_499, 1_500, 2_999] {
            var changed = elements
            changed[position] = ["id": .number(JSONNumber(position)), "text": .string("record \(position) ✗")]
            let other: JSONValue = ["id": 7, "evaluations": .array(changed), "tail": "end"]
            let seen = !VerbatimCopy.equal(document, other) && !VerbatimCopy.equal(other, document)
            #expect(seen, "a difference at \(position) went unseen")
        }
        let others: [(String, JSONValue)] = [
            ("one element fewer", ["id": 7, "evaluations": .array(Array(elements.dropLast())), "tail": "end"]),
            ("another key", ["id": 7, "evaluation": .array(elements), "tail": "end"]),
            ("one member more", ["id": 7, "evaluations": .array(elements), "tail": "end", "more": nil]),
            ("a string for a number", ["id": "7", "evaluations": .array(elements), "tail": "end"]),
        ]
        for (difference, other) in others {
            let seen = !VerbatimCopy.equal(document, other)
            #expect(seen, "\(difference) went unseen")
        }
    }

    /// A run whose re-encoding differs in the last share of its evaluations is kept verbatim.
    @Test func aDifferenceInALateShareKeepsTheDocumentsVerbatim() throws {
        let elements: [JSONValue] = (0..<2_048).map { ["id": .number(JSONNumber($0))] }
        let original = VendorDocument(vendor: .aegis, kind: .run, value: ["evaluations": .array(elements)])
        var altered = elements
        altered[2_000] = ["id": "2000"]
        let reencoded = VendorDocument(vendor: .aegis, kind: .run, value: ["evaluations": .array(altered)])

        var run = EvalRun(id: "1", source: RunSource(vendor: .aegis))
        VerbatimCopy.secure(&run, documents: [original], vendor: .aegis) { _ throws(EvalNormError) in [original] }
        #expect(!run.hasVerbatimCopy)
        VerbatimCopy.secure(&run, documents: [original], vendor: .aegis) { _ throws(EvalNormError) in [reencoded] }
        #expect(run.hasVerbatimCopy)
    }

    /// A key repeated inside one of thousands of evaluations is found, wherever the shares are cut, and
    /// located by the pointer of its second occurrence.
    @Test(arguments: [0, 1_023, 1_500, 2_999])
    func aRepeatedKeyInALargeArrayIsFound(position: Int) throws {
        var elements: [JSONValue] = (0..<3_000).map { ["id": .number(JSONNumber($0)), "metric_args": ["k": 1]] }
        elements[position] = ["id": .number(JSONNumber(position)), "metric_args": .object(JSONObject([.init(key: "k", value: 1), .init(key: "k", value: 2)]))]
        let document: JSONValue = ["id": 7, "evaluations": .array(elements)]
        #expect(throws: EvalNormError.self) { try DuplicateKeyCheck.check(document) }
        do {
            try DuplicateKeyCheck.check(document)
        } catch {
            #expect(error.code == .duplicateKey)
            #expect(error.pointer == JSONPointer(tokens: ["evaluations", "\(position)", "metric_args", "k"]))
        }
        let clean: JSONValue = ["id": 7, "evaluations": .array((0..<3_000).map { ["id": .number(JSONNumber($0))] })]
        #expect(throws: Never.self) { try DuplicateKeyCheck.check(clean) }
    }

    /// `items` over thousands of elements is evaluated in shares: the same errors, in element order,
    /// whichever shares they fall in, and the same verdict without reporting.
    @Test func itemsOfALargeArrayAreValidatedAsOneThreadWould() throws {
        let schema = try JSONSchema(["type": "array", "items": ["type": "integer", "minimum": 0], "unevaluatedItems": false])
        var elements: [JSONValue] = (0..<3_000).map { .number(JSONNumber($0)) }
        #expect(schema.validate(.array(elements)).errors.isEmpty)
        #expect(schema.isValid(.array(elements)))
        let wrong = [5, 1_499, 1_500, 2_999]
        for position in wrong { elements[position] = position.isMultiple(of: 2) ? "x" : -1 }
        let errors = schema.validate(.array(elements)).errors
        #expect(errors.map(\.instanceLocation) == wrong.map { JSONPointer(tokens: [String($0)]) })
        #expect(errors.map(\.keywordLocation.description) == wrong.map { $0.isMultiple(of: 2) ? "/items/type" : "/items/minimum" })
        #expect(!schema.isValid(.array(elements)))
    }
}

