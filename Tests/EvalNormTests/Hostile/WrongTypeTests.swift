import EvalNorm
import Foundation
import Testing

/// Every value of every vendor document, up to three levels deep, replaced by a value of another
/// type: where the vendor schema types the property, `RunReader` refuses the document with
/// `schema.violation` at exactly that pointer; without validation the document still decodes, and
/// its round trip through canonical JSON loses nothing, wrong type and all.
struct HostileWrongTypeTests {
    /// One value replaced by a value of another type.
    struct Mutation: Sendable, CustomStringConvertible {
        var pointer: JSONPointer
        var originalType: String
        var replacement: JSONValue

        var description: String { "\(pointer): \(originalType) → \(replacement)" }

        func apply(to document: JSONValue) -> JSONValue {
            HostileWrongTypeTests.replacing(pointer.tokens[...], in: document, with: replacement)
        }
    }

    /// How deep paths go: `/evaluations/0/metric` (3 tokens) is the deepest.
    static let maxDepth = 3

    /// Members whose content no schema constrains (free-form objects, or anything at all): their
    /// own type is mutated, their content is not walked.
    static let freeForm: Set<String> = [
        "metadata", "inputs", "expected", "outputs", "params", "input", "output", "error", "firstMessage", "props",
        "aggregate_results", "metric_args", "eval_metadata", "metrics_json", "trace", "score",
    ]

    /// string → 1, number → "x", object → [], array → {}, boolean → "true", and an integer (by its
    /// lexeme) also → 1.5, which JSON Schema's `integer` type refuses; none for null.
    static func wrongTypes(for value: JSONValue) -> [JSONValue] {
        switch value {
        case .string: [1]
        case .number(let number): number.isInteger ? ["x", 1.5] : ["x"]
        case .object: [[]]
        case .array: [[:]]
        case .bool: ["true"]
        case .null: []
        }
    }

    /// The mutations of every non-null value at depth 1 to ``maxDepth``, in document order. Array
    /// elements of the same shape are alike: a property path is mutated at the first index where a
    /// value of that type stands (`/evaluations/0/result`, and `/evaluations/5/result` only if it is
    /// the first one that is, say, a number where the others are null).
    static func mutations(of document: JSONValue) -> [Mutation] {
        var result: [Mutation] = []
        var seen: Set<String> = []
        func walk(_ value: JSONValue, at pointer: JSONPointer) {
            if !pointer.isRoot {
                let shape = pointer.tokens.map { Int($0) == nil ? JSONPointer.escape($0) : "*" }.joined(separator: "/")
                for replacement in wrongTypes(for: value) where seen.insert("\(shape) \(value.typeName) \(replacement)").inserted {
                    result.append(Mutation(pointer: pointer, originalType: value.typeName, replacement: replacement))
                }
            }
            guard pointer.tokens.count < maxDepth else { return }
            if let last = pointer.tokens.last, freeForm.contains(last) { return }
            switch value {
            case .object(let object):
                for member in object.members { walk(member.value, at: pointer.appending(member.key)) }
            case .array(let elements):
                for (index, element) in elements.enumerated() { walk(element, at: pointer.appending(index: index)) }
            default:
                break
            }
        }
        walk(document, at: JSONPointer())
        return result
    }

    /// `document` with the value at `tokens` (which must exist) replaced by `newValue`.
    static func replacing(_ tokens: ArraySlice<String>, in document: JSONValue, with newValue: JSONValue) -> JSONValue {
        guard let token = tokens.first else { return newValue }
        switch document {
        case .object(var object):
            guard let index = object.index(forKey: token) else { return document }
            object.members[index].value = replacing(tokens.dropFirst(), in: object.members[index].value, with: newValue)
            return .object(object)
        case .array(var elements):
            guard let index = Int(token), elements.indices.contains(index) else { return document }
            elements[index] = replacing(tokens.dropFirst(), in: elements[index], with: newValue)
            return .array(elements)
        default:
            return document
        }
    }

    /// The vendor documents: fixtures, examples and the pages of merged Scorecard runs.
    static let files = VendorDocumentFile.all

    @Test func mutationsChangeExactlyOneValue() throws {
        // /a/b/3 and /a/b/4 are numbers like /a/b/0; /a/b/5, a string, is not.
        let document: JSONValue = ["a": ["b": [1, true, nil, 2, 3.5, "s"], "metadata": ["x": "y"]], "c": "d"]
        let mutations = Self.mutations(of: document)
        #expect(mutations.map(\.description) == [
            "/a: object → []", "/a/b: array → {}", "/a/b/0: number → \"x\"", "/a/b/0: number → 1.5", "/a/b/1: boolean → \"true\"",
            "/a/b/5: string → 1", "/a/metadata: object → []", "/c: string → 1",
        ])
        #expect(mutations[2].apply(to: document) == ["a": ["b": ["x", true, nil, 2, 3.5, "s"], "metadata": ["x": "y"]], "c": "d"])
    }

    @Test(arguments: files)
    func wrongTypeIsAViolationAtItsPointerAndRoundTripsWithoutValidation(file: VendorDocumentFile) throws {
        let original = try file.document()
        let schema = try JSONSchema.bundled(named: original.format.schemaName)
        try #require(schema.validate(original.value).isValid, "\(file.name) is invalid before any mutation")
        let mutations = Self.mutations(of: original.value)
        #expect(!mutations.isEmpty)

        for mutation in mutations {
            let value = mutation.apply(to: original.value)
            try #require(value != original.value, "\(mutation) changed nothing")
            let document = DetectedDocument(format: original.format, value: value)

            // The schema: an error only where the value changed, if any.
            let errors = schema.validate(value).errors
            #expect(errors.allSatisfy { $0.instanceLocation == mutation.pointer }, "\(file.name) \(mutation): \(errors)")

            // A list's envelope must hold its runs, and each run must be an object: structure, not a
            // value that can be kept verbatim.
            if let list = RunListFormat.of(original.format), Self.isStructural(mutation.pointer, in: list) {
                #expect(throws: EvalNormError.self, "\(file.name) \(mutation)") { try RunReader(validatesInput: false).decodeRuns([document]) }
                continue
            }

            // Validating reader: refused at that pointer exactly when the schema says so.
            do {
                _ = try RunReader().decodeRuns([document])
                #expect(errors.isEmpty, "\(file.name) \(mutation): decoded although the schema says \(errors)")
            } catch {
                #expect(error.code == .schemaViolation, "\(file.name) \(mutation): \(error.code) \(error)")
                #expect(error.pointer == mutation.pointer, "\(file.name) \(mutation): \(error)")
                #expect(!errors.isEmpty, "\(file.name) \(mutation): refused although the schema accepts it: \(error)")
            }

            // Without validation: decodes, and nothing is lost on the way to canonical JSON and back.
            let decodesAndRoundTrips = {
                do throws(EvalNormError) {
                    _ = try RunReader(validatesInput: false).decodeRuns([document])
                    let report = try RunConverter.roundTrip([document])
                    #expect(report.isLossless, "\(file.name) \(mutation): differs at \(report.differences)")
                } catch {
                    Issue.record("\(file.name) \(mutation): no round trip without validation: \(error.code) \(error)")
                }
            }
            decodesAndRoundTrips()
        }
    }

    /// Whether `pointer` is a list's runs member, or one of its runs as a whole.
    static func isStructural(_ pointer: JSONPointer, in list: RunListFormat) -> Bool {
        let member = list.member.map { JSONPointer(tokens: [$0]) } ?? JSONPointer()
        return pointer == member || (pointer.parent == member && list.elementIndex(of: pointer) != nil)
    }

    /// A fractional Aegis `record_index` (a regression: it once became a canonical record index of
    /// 1.5, which the canonical reader refuses): kept verbatim, the canonical run reads back, and the
    /// round trip is lossless.
    @Test func fractionalAegisRecordIndexWithoutValidation() throws {
        let url = TestPaths.examples.appendingPathComponent("aegis-run.json")
        let original = try RunReader().document(from: TestPaths.bytes(of: url))
        let mutation = Mutation(pointer: ["evaluations", "0", "record_index"], originalType: "number", replacement: 1.5)
        let value = mutation.apply(to: original.value)
        let document = DetectedDocument(format: original.format, value: value)
        let text = JSONWriter().string(from: value)

        // With validation: refused at the pointer, as it should be.
        let refused = #expect(throws: EvalNormError.self) { try RunReader().decode([document]) }
        #expect(refused?.code == .schemaViolation)
        #expect(refused?.pointer == ["evaluations", "0", "record_index"])

        let run = try RunReader(validatesInput: false).decode([document])
        #expect(run.records[0].index == nil)
        let canonical = CanonicalCodec()
        #expect(throws: Never.self) { try canonical.decode(canonical.encode(run, style: .compact)) }
        #expect(try RunConverter.roundTrip([document]).isLossless)

        let normalized = ToolRun(["normalize", "--no-validate", "-"], standardInput: text)
        #expect(normalized.status == 0)
        let again = ToolRun(["normalize", "-"], standardInput: normalized.standardOutput)
        #expect(again.status == 0, "\(again.standardError)")
        let roundtrip = ToolRun(["roundtrip", "-"], standardInput: text)
        #expect(roundtrip.status == 0, "\(roundtrip.standardError)")
        #expect(roundtrip.standardOutput == "ok <stdin>\n")
    }

    /// Every vendor schema is exercised, with mutations it refuses and (where it leaves a type open)
    /// mutations it accepts.
    @Test func everyVendorSchemaGetsMutations() throws {
        var total: [String: Int] = [:]
        var refused: [String: Int] = [:]
        for file in Self.files {
            let document = try file.document()
            let name = document.format.schemaName
            let schema = try JSONSchema.bundled(named: name)
            for mutation in Self.mutations(of: document.value) {
                total[name, default: 0] += 1
                if !schema.validate(mutation.apply(to: document.value)).isValid { refused[name, default: 0] += 1 }
            }
        }
        let vendorSchemas = BundledSchemas.names.filter { $0 != "eval-run" }
        #expect(vendorSchemas.count == 9)
        for name in vendorSchemas {
            #expect(total[name, default: 0] >= 20, "\(name): \(total[name, default: 0]) mutations")
            #expect(refused[name, default: 0] > 0, "\(name): no mutation refused")
        }
    }
}
