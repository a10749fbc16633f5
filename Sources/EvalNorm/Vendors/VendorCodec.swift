/// Decodes one vendor's payloads into an ``EvalRun`` and encodes the run back into the same payloads.
///
/// Every codec is lossless: for any document `D` of a kind it reads, `encode(decode([D]))` is `[D]`
/// again, value for value (keys and their order, `null` apart from absent, number lexemes, strings,
/// unknown members at any depth). What the canonical fields cannot hold is kept in the run's, each
/// record's and each score's `extensions[vendor]`, so the same holds after the run has been through a
/// canonical JSON file.
///
/// Decoding is lenient about values and strict about structure: a field of an unexpected type is kept
/// verbatim in `extensions` rather than rejected (schema validation reports it), while a payload that is
/// not an object, lacks a run id, or repeats a key anywhere throws an ``EvalNormError`` with the
/// pointer of the offending value.
public protocol VendorCodec: Sendable {
    /// The vendor whose payloads this codec reads.
    var vendor: Vendor { get }
    /// The document kinds it reads and writes.
    var documentKinds: [DocumentKind] { get }
    /// Decodes the documents of one run (for Scorecard: a run and its records pages, in page order).
    func decode(_ documents: [VendorDocument]) throws(EvalNormError) -> EvalRun
    /// The vendor documents that `run` came from, re-created; for a run made elsewhere, the documents
    /// that hold what this vendor can hold.
    func encode(_ run: EvalRun) throws(EvalNormError) -> [VendorDocument]
}

extension VendorCodec {
    /// Decodes a single document of kind `kind`.
    public func decode(_ value: JSONValue, kind: DocumentKind = .run) throws(EvalNormError) -> EvalRun {
        try decode([VendorDocument(vendor: vendor, kind: kind, value: value)])
    }

    /// The one document of a vendor whose runs are one document, checked: this vendor's, of a kind the
    /// codec reads, with no key repeated anywhere.
    func singleDocument(_ documents: [VendorDocument], name: String) throws(EvalNormError) -> VendorDocument {
        try checkKinds(documents)
        guard documents.count == 1, let document = documents.first else {
            throw EvalNormError(.invalidValue, "\(name) run is one document; got \(documents.count)")
        }
        try DuplicateKeyCheck.check(document.value)
        return document
    }

    /// The status to write for `run`: its vendor status, or for a run from another vendor the word
    /// `vendorWord` gives for its canonical status.
    func statusToWrite(for run: EvalRun, vendorWord: (RunStatus) -> String?) -> String? {
        run.vendorStatus ?? (run.source.vendor == vendor ? nil : vendorWord(run.status))
    }

    /// Checks that `documents` are all this vendor's and of kinds this codec reads.
    func checkKinds(_ documents: [VendorDocument]) throws(EvalNormError) {
        guard !documents.isEmpty else {
            throw EvalNormError(.invalidValue, "no \(vendor) document to decode")
        }
        for document in documents where document.vendor != vendor || !documentKinds.contains(document.kind) {
            throw EvalNormError(.invalidValue, "the \(vendor) codec cannot read a \(document.vendor) \(document.kind) document")
        }
    }
}

/// The codecs of every vendor EvalNorm knows.
public enum VendorCodecs {
    /// Every codec, in ``Vendor/known`` order.
    public static let all: [any VendorCodec] = [ScorecardCodec(), DataFramerCodec(), AegisCodec(), LunaryCodec()]

    /// The codec for `vendor`, if EvalNorm has one.
    public static func codec(for vendor: Vendor) -> (any VendorCodec)? {
        all.first { $0.vendor == vendor }
    }
}
