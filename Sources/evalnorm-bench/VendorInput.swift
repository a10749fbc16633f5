import EvalNorm
import Foundation

/// One vendor's generated runs, as bytes, and the other forms a task may start from, each made only
/// when a side asks for it (outside the timings), so that a side holds only its own inputs.
///
/// The generators are checked before any timing, on a sample of each (``checkGenerators(seed:)``:
/// every document parses and is valid, every run decodes and round-trips), and CI runs that check
/// too; the steps here do not check again, and skip what does not parse or decode.
final class VendorInput {
    /// A document's bytes and the kind the codec reads it as.
    struct Document {
        var kind: DocumentKind
        var bytes: [UInt8]
    }

    let codec: any VendorCodec
    /// Each run's documents (a Scorecard run and its records pages; one document for the others).
    let runs: [[Document]]
    /// Every document, in order.
    let documents: [Document]
    /// The bytes of every document, together.
    let byteCount: Int

    init(codec: any VendorCodec, runs: [[Document]]) {
        self.codec = codec
        self.runs = runs
        documents = runs.flatMap { $0 }
        byteCount = documents.reduce(0) { $0 + $1.bytes.count }
    }

    /// The schema for each document kind, as `evalnorm validate` picks it (`nil` for a kind without one).
    private(set) lazy var schemas: [DocumentKind: JSONSchema] = {
        var schemas: [DocumentKind: JSONSchema] = [:]
        for kind in Set(documents.map(\.kind)) {
            schemas[kind] = try? JSONSchema.bundled(named: DocumentFormat(vendor: codec.vendor, kind: kind).schemaName)
        }
        return schemas
    }()

    /// Every run's documents, parsed.
    func parsedRuns() -> [[VendorDocument]] {
        runs.map(parse)
    }

    /// One run's documents, parsed (a document that does not parse is left out).
    private func parse(_ run: [Document]) -> [VendorDocument] {
        run.compactMap { document in
            (try? JSONParser().parse(document.bytes)).map { VendorDocument(vendor: codec.vendor, kind: document.kind, value: $0) }
        }
    }

    /// Every run, decoded.
    func decodedRuns() -> [EvalRun] {
        parsedRuns().compactMap { try? codec.decode($0) }
    }

    // The steps the benchmark times, EvalNorm's side.

    /// Parses every document and validates it against its schema, from bytes, as `evalnorm validate` does.
    func parseAndValidate() {
        let schemas = self.schemas
        for document in documents {
            if let value = try? JSONParser().parse(document.bytes) { _ = schemas[document.kind]?.validate(value) }
        }
    }

    /// Parses every run's documents and decodes the run, one run at a time.
    func parseAndDecode() {
        for run in runs { _ = try? codec.decode(parse(run)) }
    }

    // Foundation's nearest equivalents: it has no schema validator and knows no vendor, so it parses
    // the same documents, reads `EvalRun` from canonical JSON (`Codable`), and writes what it parsed.

    /// Foundation's parsed documents, for the write baseline.
    func foundationObjects() -> [Any] {
        documents.compactMap { try? JSONSerialization.jsonObject(with: Data($0.bytes)) }
    }

    /// The canonical JSON of every run, for the `JSONDecoder` baseline.
    func canonicalJSON() -> [Data] {
        decodedRuns().map { Data(CanonicalCodec().encode($0, style: .compact)) }
    }
}
