import EvalNorm
import Foundation

/// One vendor's generated runs, in every form a task starts from: the documents' bytes, their parsed
/// values, the decoded runs, the canonical JSON of those runs, and Foundation's parsed objects.
///
/// Everything but the bytes is made here, outside the timings; `nil` when the generator made
/// something that does not parse, validate or decode, which the benchmark reports instead of timing.
struct VendorInput {
    /// A document and the kind the codec reads it as.
    struct Document {
        var kind: DocumentKind
        var bytes: [UInt8]
        var value: JSONValue
    }

    let codec: any VendorCodec
    /// Each run's documents (a Scorecard run and its records pages; one document for the others).
    let runs: [[Document]]
    /// The schema for each document kind, as `evalnorm validate` picks it.
    let schemas: [DocumentKind: JSONSchema]
    let decoded: [EvalRun]

    /// Every document, in order.
    var documents: [Document] { runs.flatMap { $0 } }
    /// The bytes of every document, together.
    var byteCount: Int { runs.reduce(0) { $0 + $1.reduce(0) { $0 + $1.bytes.count } } }

    /// Parses, validates and decodes `runs` (each run's documents and their kinds); `nil`, with the
    /// reason on stderr, when any of that fails.
    init?(codec: any VendorCodec, runs: [[(kind: DocumentKind, bytes: [UInt8])]]) {
        self.codec = codec
        var parsedRuns: [[Document]] = []
        var schemas: [DocumentKind: JSONSchema] = [:]
        var decoded: [EvalRun] = []
        for run in runs {
            var documents: [Document] = []
            for (kind, bytes) in run {
                let schemaName = "\(codec.vendor.rawValue)-\(kind.rawValue)"
                do {
                    let value = try JSONParser().parse(bytes)
                    if schemas[kind] == nil { schemas[kind] = try JSONSchema.bundled(named: schemaName) }
                    if let schema = schemas[kind], !schema.isValid(value) {
                        Self.report("a generated \(schemaName) document is not valid: \(schema.validate(value).errors.prefix(3))")
                        return nil
                    }
                    documents.append(Document(kind: kind, bytes: bytes, value: value))
                } catch {
                    Self.report("a generated \(schemaName) document does not parse: \(error)")
                    return nil
                }
            }
            do {
                decoded.append(try codec.decode(documents.map { VendorDocument(vendor: codec.vendor, kind: $0.kind, value: $0.value) }))
            } catch {
                Self.report("a generated \(codec.vendor) run does not decode: \(error)")
                return nil
            }
            parsedRuns.append(documents)
        }
        self.runs = parsedRuns
        self.schemas = schemas
        self.decoded = decoded
    }

    private static func report(_ message: String) {
        FileHandle.standardError.write(Data("evalnorm-bench: \(message)\n".utf8))
    }

    // The steps the benchmark times, EvalNorm's side.

    /// Parses every document and validates it against its schema, from bytes, as `evalnorm validate` does.
    func parseAndValidate() {
        for document in documents {
            if let value = try? JSONParser().parse(document.bytes) { _ = schemas[document.kind]?.validate(value) }
        }
    }

    /// Decodes every run from its parsed documents.
    func decodeAll() {
        for run in runs {
            _ = try? codec.decode(run.map { VendorDocument(vendor: codec.vendor, kind: $0.kind, value: $0.value) })
        }
    }

    /// Encodes every decoded run back into its vendor's documents, as JSON text.
    func encodeAll() {
        for run in decoded {
            for document in (try? codec.encode(run)) ?? [] { _ = JSONWriter().write(document.value) }
        }
    }

    // Foundation's nearest equivalents: it has no schema validator and knows no vendor, so it parses
    // the same documents, reads `EvalRun` from canonical JSON (`Codable`), and writes what it parsed.

    /// Foundation's parsed documents, for the write baseline.
    func foundationObjects() -> [Any] {
        documents.compactMap { try? JSONSerialization.jsonObject(with: Data($0.bytes)) }
    }

    /// The canonical JSON of every decoded run, for the `JSONDecoder` baseline.
    func canonicalJSON() -> [Data] {
        decoded.map { Data(CanonicalCodec().encode($0, style: .compact)) }
    }
}
