/// A parsed document with the format it was read as.
public struct DetectedDocument: Sendable, Hashable {
    public var format: DocumentFormat
    public var value: JSONValue

    public init(format: DocumentFormat, value: JSONValue) {
        self.format = format
        self.value = value
    }
}

/// Reads runs from documents of any known vendor or from canonical JSON: detects each document's
/// format, groups the documents of one run (a Scorecard run and its records pages), and decodes them.
///
/// ```swift
/// let reader = RunReader()
/// let documents = try files.map { try reader.document(from: $0) }
/// for group in reader.groupIntoRuns(documents) {
///     let run = try reader.decode(group.map { documents[$0] })
/// }
/// ```
public struct RunReader: Sendable {
    public var parser: JSONParser
    /// Whether ``decode(_:)`` validates each vendor document against its vendor schema before
    /// mapping it (the default). Off, documents that break their schema still decode, and what the
    /// mapping cannot place is kept verbatim in `extensions`.
    public var validatesInput: Bool

    public init(parser: JSONParser = JSONParser(), validatesInput: Bool = true) {
        self.parser = parser
        self.validatesInput = validatesInput
    }

    /// Parses `bytes` and detects their format; with `vendor`, the kind of that vendor's documents that
    /// fits best.
    public func document(from bytes: [UInt8], vendor: Vendor? = nil) throws(EvalNormError) -> DetectedDocument {
        let value = try parser.parse(bytes)
        return DetectedDocument(format: try format(of: value, vendor: vendor), value: value)
    }

    /// The format of `value`: detected from its shape, or, when `vendor` is given, that vendor's kind
    /// whose keys fit best (`run` when none do).
    public func format(of value: JSONValue, vendor: Vendor? = nil) throws(EvalNormError) -> DocumentFormat {
        guard let vendor else { return try DocumentDetector.detect(value) }
        guard let codec = VendorCodecs.codec(for: vendor) else {
            throw EvalNormError(.invalidValue, "no codec for vendor '\(vendor)'; known: \(Vendor.known.map(\.rawValue).joined(separator: ", "))")
        }
        if value.arrayValue != nil, let list = RunListFormat.of(vendor: vendor), list.member == nil { return list.format }
        let keys = value.objectValue?.keys ?? []
        let best = DocumentDetector.signatures
            .filter { $0.format.vendor == vendor && (codec.documentKinds.contains($0.format.kind) || $0.format.isRunList) }
            .max { left, right in left.keys.filter(keys.contains).count < right.keys.filter(keys.contains).count }
        let format = best.flatMap { $0.keys.contains(where: keys.contains) ? $0.format : nil } ?? DocumentFormat(vendor: vendor, kind: .run)
        return DocumentDetector.refined(format, of: value)
    }

    /// Groups `documents` into runs, as lists of positions, in the order each run first appears: a
    /// Scorecard run and the records pages whose records carry its id form one group (a page without
    /// records joins the Scorecard group before it); every other document is a group of its own (a
    /// list of runs too: decode it with ``decodeList(_:)``).
    public func groupIntoRuns(_ documents: [DetectedDocument]) -> [[Int]] {
        var groups: [[Int]] = []
        var scorecardGroupByRunID: [String: Int] = [:]
        var lastScorecardGroup: Int?
        for (position, document) in documents.enumerated() {
            guard document.format.vendor == .scorecard, !document.format.isRunList else {
                groups.append([position])
                continue
            }
            let runID = ScorecardCodec.runID(of: document.value, kind: document.format.kind)
            if let runID, let group = scorecardGroupByRunID[runID] {
                groups[group].append(position)
                lastScorecardGroup = group
            } else if runID == nil, document.format.kind != .run, let group = lastScorecardGroup {
                groups[group].append(position)
            } else {
                groups.append([position])
                lastScorecardGroup = groups.count - 1
                if let runID { scorecardGroupByRunID[runID] = groups.count - 1 }
            }
        }
        return groups
    }

    /// Throws when a vendor document repeats a key anywhere (which of the two values counts would be
    /// a guess), with code ``EvalNormError/Code/duplicateKey`` and the pointer of the second one.
    public func checkUnambiguous(_ document: DetectedDocument) throws(EvalNormError) {
        if document.format.vendor != nil { try DuplicateKeyCheck.check(document.value) }
    }

    /// Validates `document` against the bundled schema of its format (``DocumentFormat/schemaName``).
    public func validate(_ document: DetectedDocument) -> ValidationResult {
        guard let schema = RunReader.schemas[document.format.schemaName] else {
            return ValidationResult(errors: [])
        }
        return schema.validate(document.value)
    }

    /// The bundled schemas, compiled once.
    private static let schemas: [String: JSONSchema] = {
        var schemas: [String: JSONSchema] = [:]
        for name in BundledSchemas.names {
            schemas[name] = try? JSONSchema.bundled(named: name)
        }
        return schemas
    }()

    /// Decodes the documents of one run, or the runs of one list document (``RunListFormat``): all
    /// the runs, or the first error.
    public func decodeRuns(_ documents: [DetectedDocument]) throws(EvalNormError) -> [EvalRun] {
        guard documents.count == 1, let document = documents.first, document.format.isRunList else { return [try decode(documents)] }
        let decoded = try decodeList(document)
        if let failure = decoded.failures.first { throw failure }
        return decoded.runs
    }

    /// Decodes the runs of a list document (``RunListFormat``): each element is one run, and an element
    /// that breaks its schema or cannot be decoded is a failure of its own while the others decode.
    ///
    /// With ``validatesInput`` on, the document is first validated against its list schema: a violation
    /// in the envelope is thrown (code ``EvalNormError/Code/schemaViolation``), a violation inside an
    /// element makes that element a failure.
    public func decodeList(_ document: DetectedDocument) throws(EvalNormError) -> DecodedRunList {
        guard let list = RunListFormat.of(document.format) else {
            throw EvalNormError(.invalidValue, "a \(document.format) is not a list of runs")
        }
        var failures: [EvalNormError] = []
        var skipping = Set<Int>()
        if validatesInput {
            var byElement: [Int: [ValidationError]] = [:]
            for error in validate(document).errors {
                guard let index = list.elementIndex(of: error.instanceLocation) else {
                    throw RunReader.violation(error, schema: document.format.schemaName, more: 0)
                }
                byElement[index, default: []].append(error)
            }
            for (index, errors) in byElement.sorted(by: { $0.key < $1.key }) {
                if let first = errors.first { failures.append(RunReader.violation(first, schema: document.format.schemaName, more: errors.count - 1)) }
                skipping.insert(index)
            }
        }
        var decoded = try RunListCodec.decode(document.value, as: list, skipping: skipping)
        // One failure per element at most: an element that broke its schema was not decoded.
        decoded.failures = (failures + decoded.failures).sorted { (list.elementIndex(of: $0.pointer) ?? -1) < (list.elementIndex(of: $1.pointer) ?? -1) }
        return decoded
    }

    /// A schema violation as the error ``decode(_:)`` throws, saying how many more there are.
    private static func violation(_ error: ValidationError, schema: String, more: Int) -> EvalNormError {
        let rest = more > 0 ? " (and \(more) more schema error\(more > 1 ? "s" : ""))" : ""
        return EvalNormError(.schemaViolation, "\(error.message), against \(schema) \(error.keywordLocation)\(rest)", pointer: error.instanceLocation)
    }

    /// Decodes the documents of one run: a canonical run, or one vendor's documents.
    ///
    /// With ``validatesInput`` on, each vendor document is first validated against its vendor
    /// schema; the first violation is thrown as an ``EvalNormError`` with code
    /// ``EvalNormError/Code/schemaViolation`` and its instance pointer (``validate(_:)`` lists them all).
    public func decode(_ documents: [DetectedDocument]) throws(EvalNormError) -> EvalRun {
        if let list = documents.first(where: \.format.isRunList) {
            throw EvalNormError(.invalidValue, "a \(list.format) holds several runs; decode it with decodeList(_:) or decodeRuns(_:)")
        }
        if validatesInput {
            for document in documents where document.format.vendor != nil {
                try checkUnambiguous(document)  // an ambiguous document is not worth validating
                let errors = validate(document).errors
                guard let first = errors.first else { continue }
                throw RunReader.violation(first, schema: document.format.schemaName, more: errors.count - 1)
            }
        }
        guard let first = documents.first else { throw EvalNormError(.invalidValue, "no document to decode") }
        guard let vendor = first.format.vendor else {
            guard documents.count == 1 else { throw EvalNormError(.invalidValue, "a canonical run is one document; got \(documents.count)") }
            return try CanonicalCodec(parser: parser).decode(first.value)
        }
        guard let codec = VendorCodecs.codec(for: vendor) else {
            throw EvalNormError(.invalidValue, "no codec for vendor '\(vendor)'")
        }
        return try codec.decode(documents.map { VendorDocument(vendor: $0.format.vendor ?? vendor, kind: $0.format.kind, value: $0.value) })
    }
}
