import EvalNorm

/// Checks the payload generators against the library, from `seed`: about 2 MB of each vendor's
/// documents (Scorecard runs with their records pages, DataFramer runs, Aegis runs, Lunary NDJSON
/// lines). Every document must parse, be valid against its bundled schema (and with `format`
/// asserted), be detected as what it is, and decode with its vendor's codec without a verbatim copy;
/// the run must encode back to the same documents, both directly and after a trip through canonical
/// JSON. Scorecard runs must also group as generated (``RunReader/groupIntoRuns(_:)``) and their pages
/// agree (``ScorecardPageCheck``).
///
/// Returns the problems found, one line each; empty when there are none.
func checkGenerators(seed: UInt64) -> [String] {
    let size = 2_000_000
    var check = GeneratorCheck()
    var generator = DumpGenerator(seed: seed)

    // Scorecard: each run is a run document and its pages, decoded together.
    let scorecardRuns = generator.makeScorecardRuns(targetBytes: size, recordsPerPage: 20)
    var scorecardDocuments: [DetectedDocument] = []
    var expectedGroups: [[Int]] = []
    for (runNumber, run) in scorecardRuns.enumerated() {
        let name = "Scorecard run \(runNumber + 1)"
        if !(3...5).contains(run.count) { check.problems.append("\(name): \(run.count) documents, not a run and 2 to 4 pages") }
        var documents: [DetectedDocument] = []
        for (position, bytes) in run.enumerated() {
            let format = DocumentFormat(vendor: .scorecard, kind: position == 0 ? .run : .recordsPage)
            let document = position == 0 ? "\(name), run document" : "\(name), page \(position)"
            guard let value = check.parse(bytes, document: document) else { continue }
            check.validate(value, against: format.schemaName, document: document)
            check.detect(value, as: format, document: document)
            documents.append(DetectedDocument(format: format, value: value))
        }
        guard documents.count == run.count else { continue }
        for contradiction in ScorecardPageCheck.contradictions(in: documents) {
            check.problems.append("\(name): the pages contradict each other: \(contradiction)")
        }
        expectedGroups.append(Array(scorecardDocuments.count..<(scorecardDocuments.count + documents.count)))
        scorecardDocuments += documents
        check.roundTrip(documents.map { VendorDocument(vendor: .scorecard, kind: $0.format.kind, value: $0.value) },
                        codec: ScorecardCodec(), name: name)
    }
    let groups = RunReader().groupIntoRuns(scorecardDocuments)
    if groups != expectedGroups {
        check.problems.append("Scorecard: RunReader groups the \(scorecardDocuments.count) documents into \(groups.count) runs, not the \(expectedGroups.count) generated")
    }

    // DataFramer, Aegis: one document a run.
    let dataFramerRuns = generator.makeDataFramerRuns(targetBytes: size)
    for (runNumber, bytes) in dataFramerRuns.enumerated() {
        check.checkSingleDocument(bytes, format: DocumentFormat(vendor: .dataframer, kind: .run), codec: DataFramerCodec(),
                                  name: "DataFramer run \(runNumber + 1)")
    }
    let aegisRuns = generator.makeAegisRuns(targetBytes: size, evaluationsPerRun: 50)
    for (runNumber, bytes) in aegisRuns.enumerated() {
        check.checkSingleDocument(bytes, format: DocumentFormat(vendor: .aegis, kind: .run), codec: AegisCodec(),
                                  name: "Aegis run \(runNumber + 1)")
    }
    check.checkSingleDocument(generator.makeAegisRun(targetBytes: size), format: DocumentFormat(vendor: .aegis, kind: .run),
                              codec: AegisCodec(), name: "Aegis single run")

    // Lunary: one run a line.
    var lines: [[UInt8]] = []
    generator.makeLunaryNDJSON(targetBytes: size) { lines.append($0) }
    for (lineNumber, line) in lines.enumerated() {
        let name = "Lunary line \(lineNumber + 1)"
        if line.last != UInt8(ascii: "\n") || line.dropLast().contains(UInt8(ascii: "\n")) {
            check.problems.append("\(name): not one line ending in a newline")
        }
        check.checkSingleDocument(Array(line.dropLast()), format: DocumentFormat(vendor: .lunary, kind: .run), codec: LunaryCodec(), name: name)
    }
    return check.problems
}

/// The checks of one document or run, collecting problems.
private struct GeneratorCheck {
    var problems: [String] = []
    /// Each vendor schema, compiled as bundled and with `format` asserted.
    private var schemas: [String: (plain: JSONSchema, formats: JSONSchema)] = [:]

    init() {
        for name in ["scorecard-run", "scorecard-records-page", "dataframer-run", "aegis-run", "lunary-run"] {
            do {
                schemas[name] = (try JSONSchema.bundled(named: name), try JSONSchema.bundled(named: name, options: ValidationOptions(assertsFormat: true)))
            } catch {
                problems.append("schema \(name) does not compile: \(error)")
            }
        }
    }

    /// Parses, validates, detects and round-trips a vendor's one-document run.
    mutating func checkSingleDocument(_ bytes: [UInt8], format: DocumentFormat, codec: some VendorCodec, name: String) {
        guard let value = parse(bytes, document: name) else { return }
        validate(value, against: format.schemaName, document: name)
        detect(value, as: format, document: name)
        roundTrip([VendorDocument(vendor: codec.vendor, kind: format.kind, value: value)], codec: codec, name: name)
    }

    mutating func parse(_ bytes: [UInt8], document: String) -> JSONValue? {
        do {
            return try JSONParser().parse(bytes)
        } catch {
            problems.append("\(document): does not parse: \(error)")
            return nil
        }
    }

    /// Valid against the schema as bundled and with `format` asserted, with `isValid` and `validate`
    /// agreeing.
    mutating func validate(_ value: JSONValue, against name: String, document: String) {
        guard let schema = schemas[name] else { return }
        let result = schema.plain.validate(value)
        if result.isValid != schema.plain.isValid(value) {
            problems.append("\(document): isValid and validate disagree against \(name)")
        }
        if !result.isValid {
            problems.append("\(document): not valid against \(name): \(GeneratorCheck.summary(result))")
            return
        }
        let formats = schema.formats.validate(value)
        if !formats.isValid {
            problems.append("\(document): valid against \(name), but not with formats asserted: \(GeneratorCheck.summary(formats))")
        }
    }

    /// The first three errors of `result`, and how many more there are.
    private static func summary(_ result: ValidationResult) -> String {
        let more = result.errors.count > 3 ? " (and \(result.errors.count - 3) more)" : ""
        return result.errors.prefix(3).map(\.description).joined(separator: "; ") + more
    }

    mutating func detect(_ value: JSONValue, as format: DocumentFormat, document: String) {
        do {
            let detected = try RunReader().format(of: value)
            if detected != format { problems.append("\(document): detected as \(detected), not \(format)") }
        } catch {
            problems.append("\(document): not detected: \(error)")
        }
    }

    /// Decodes `documents` as one run, and checks that encoding gives them back: from the run, and from
    /// the run read back from its canonical JSON.
    mutating func roundTrip(_ documents: [VendorDocument], codec: some VendorCodec, name: String) {
        let run: EvalRun
        do {
            run = try codec.decode(documents)
        } catch {
            problems.append("\(name): does not decode: \(error)")
            return
        }
        if run.hasVerbatimCopy {
            // Where the mapping alone falls short: encode without the copy and compare.
            var mapped = run
            if var bag = mapped.extensions[codec.vendor.rawValue]?.objectValue {
                bag["verbatim"] = nil
                mapped.extensions[codec.vendor.rawValue] = .object(bag)
            }
            problems.append("\(name): decodes only with a verbatim copy; the mapping alone gives "
                            + GeneratorCheck.differences(between: documents, and: try? codec.encode(mapped)))
        }
        compare(documents, with: try? codec.encode(run), name: name, step: "encode")
        let canonical = CanonicalCodec().encode(run, style: .compact)
        do {
            let again = try CanonicalCodec().decode(canonical)
            compare(documents, with: try? codec.encode(again), name: name, step: "canonical JSON, then encode")
        } catch {
            problems.append("\(name): its canonical JSON does not decode: \(error)")
        }
    }

    private mutating func compare(_ documents: [VendorDocument], with encoded: [VendorDocument]?, name: String, step: String) {
        guard let encoded, encoded.map(\.kind) == documents.map(\.kind), encoded.map(\.value) == documents.map(\.value) else {
            problems.append("\(name): \(step) does not give the documents back: " + GeneratorCheck.differences(between: documents, and: encoded))
            return
        }
    }

    /// `document 2: /data/0/scores/1/score, …`, the places where `encoded` differs from `documents`.
    private static func differences(between documents: [VendorDocument], and encoded: [VendorDocument]?) -> String {
        guard let encoded else { return "an error" }
        guard encoded.map(\.kind) == documents.map(\.kind) else {
            return "documents \(encoded.map(\.kind.rawValue)) for \(documents.map(\.kind.rawValue))"
        }
        var places: [String] = []
        for (number, (original, again)) in zip(documents, encoded).enumerated() where original.value != again.value {
            let pointers = JSONDifference.pointers(between: original.value, and: again.value, limit: 3)
            places.append("document \(number + 1): " + pointers.map { $0.description.isEmpty ? "(root)" : $0.description }.joined(separator: ", "))
        }
        return places.isEmpty ? "the same documents" : "differences at " + places.joined(separator: "; ")
    }
}
