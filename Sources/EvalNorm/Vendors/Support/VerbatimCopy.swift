/// The safety net under every vendor codec's lossless promise.
///
/// After decoding, a codec encodes the run again and compares with its input. Where its field mapping
/// cannot re-create a document exactly (a shape no vendor documents, such as an Aegis evaluation
/// without a `record`), the original documents are kept whole in `extensions.<vendor>.verbatim` as
/// `[{"kind": …, "document": …}]` and written back as they are. The canonical fields are still
/// filled as well as the mapping could. Tests check that no fixture and no generated document needs it.
enum VerbatimCopy {
    static let key = "verbatim"

    /// Keeps `documents` verbatim in `run` when `encode(run)` does not give them back exactly.
    static func secure(_ run: inout EvalRun, documents: [VendorDocument], vendor: Vendor,
                       encode: (EvalRun) throws(EvalNormError) -> [VendorDocument]) {
        let again = try? encode(run)
        if let again, again.count == documents.count,
           zip(again, documents).allSatisfy({ VerbatimCopy.equal($0.value, $1.value) }) { return }
        var bag = (try? VendorBag(in: run.extensions, vendor: vendor, at: JSONPointer())) ?? VendorBag()
        bag.extra[key] = .array(documents.map { .object(["kind": .string($0.kind.rawValue), "document": $0.value]) })
        bag.store(in: &run.extensions, vendor: vendor)
    }

    /// Whether `left == right`, comparing the elements of large arrays (such as a run's thousands of
    /// evaluations) on several threads (``Shares``).
    static func equal(_ left: JSONValue, _ right: JSONValue) -> Bool {
        switch (left, right) {
        case let (.object(left), .object(right)):
            guard left.count == right.count else { return false }
            return zip(left, right).allSatisfy { $0.key.isExactly($1.key) && equal($0.value, $1.value) }
        case let (.array(left), .array(right)) where left.count >= Shares.parallelCount:
            guard left.count == right.count else { return false }
            return Shares.map(left.count, jobs: Shares.jobs(for: left.count)) { range in
                range.allSatisfy { left[$0] == right[$0] }
            }.allSatisfy { $0 }
        default:
            return left == right
        }
    }

    /// The documents kept by ``secure(_:documents:vendor:encode:)``, if any.
    static func documents(in bag: VendorBag, vendor: Vendor) -> [VendorDocument]? {
        guard case .array(let entries)? = bag.extra[key] else { return nil }
        var documents: [VendorDocument] = []
        for entry in entries {
            guard let kind = entry["kind"]?.stringValue, let document = entry["document"] else { return nil }
            documents.append(VendorDocument(vendor: vendor, kind: DocumentKind(rawValue: kind), value: document))
        }
        return documents
    }

    /// Whether `run` carries a verbatim copy for `vendor`.
    static func isUsed(in run: EvalRun, vendor: Vendor) -> Bool {
        run.extensions[vendor.rawValue]?[key] != nil
    }
}

extension EvalRun {
    /// Whether a vendor codec kept the run's original documents whole in `extensions.<vendor>.verbatim`,
    /// because its field mapping could not re-create them exactly. The documents still round-trip; a
    /// run that needs this is worth reporting.
    public var hasVerbatimCopy: Bool {
        extensions.contains { $0.value[VerbatimCopy.key] != nil }
    }

    /// A member the vendor codec kept verbatim for lack of a canonical home, such as Lunary `traceId` or
    /// Aegis `run_type`: `extensions.<source vendor>.fields.<key>`.
    public func vendorField(_ key: String) -> JSONValue? {
        extensions[source.vendor.rawValue]?["fields"]?[key]
    }
}
