/// What a JSON document is: a canonical run, or a vendor's document of some kind.
public struct DocumentFormat: Sendable, Hashable, CustomStringConvertible {
    /// The vendor, or `nil` for EvalNorm's canonical format.
    public var vendor: Vendor?
    public var kind: DocumentKind

    public init(vendor: Vendor?, kind: DocumentKind) {
        self.vendor = vendor
        self.kind = kind
    }

    /// A canonical run (`Schemas/eval-run.schema.json`).
    public static let canonicalRun = DocumentFormat(vendor: nil, kind: .run)

    /// `aegis run`, `scorecard records-page`, `canonical run`.
    public var description: String { "\(vendor?.rawValue ?? "canonical") \(kind)" }

    /// The name of the bundled schema for documents of this format: `aegis-run`,
    /// `scorecard-records-page`, or `eval-run` for canonical runs (see ``BundledSchemas``).
    public var schemaName: String {
        guard let vendor else { return "eval-run" }
        return "\(vendor.rawValue)-\(kind.rawValue)"
    }
}

/// Tells vendor documents apart by their shape: which documented keys they have.
///
/// Each vendor document kind has a set of keys that mark it (Aegis `evaluations`, `alias`, `run_type`;
/// DataFramer `spec_id`, `samples_completed`; …). The kind with the most of them present wins, so missing
/// optional fields and extra unknown ones do not matter. A canonical run is one with `formatVersion`.
public enum DocumentDetector {
    struct Signature: Sendable {
        let format: DocumentFormat
        let keys: [String]
    }

    static let signatures: [Signature] = [
        Signature(format: DocumentFormat(vendor: .scorecard, kind: .run), keys: [
            "testsetId", "systemId", "systemVersionId", "systemConfigId", "metricIds", "metricVersionIds", "numRecords",
            "numExpectedRecords", "numScores",
        ]),
        // Also Scorecard's page of runs, told apart by its elements (see `refined(_:of:)`).
        Signature(format: DocumentFormat(vendor: .scorecard, kind: .recordsPage), keys: ["data", "nextCursor", "hasMore", "total"]),
        Signature(format: DocumentFormat(vendor: .dataframer, kind: .run), keys: [
            "spec_id", "spec_name", "spec_version", "spec_version_id", "dataset_id", "dataset_name", "dataset_type",
            "samples_completed", "samples_failed", "total_cost", "created_at", "created_by_email", "created_by_name",
            "completed_at", "runtime_params", "generated_files", "status_display", "duration_seconds",
        ]),
        Signature(format: DocumentFormat(vendor: .aegis, kind: .run), keys: [
            "user", "author_email", "run_type", "run_source", "dataset", "data_collection", "org_id", "number_of_metrics",
            "result", "threshold", "model_slug", "alias", "aggregate_results", "total_cost", "started_at", "finished_at",
            "is_gte_threshold", "evaluations",
        ]),
        Signature(format: DocumentFormat(vendor: .lunary, kind: .run), keys: [
            "projectId", "isPublic", "feedback", "parentFeedback", "type", "createdAt", "endedAt", "duration",
            "templateVersionId", "templateSlug", "cost", "tokens", "tags", "input", "output", "error", "siblingRunId",
            "params", "metadata", "firstMessage", "messagesCount", "user", "traceId", "feedbacks", "scores",
        ]),
        Signature(format: RunListFormat.aegisRunsPage.format, keys: ["items", "meta"]),
        Signature(format: RunListFormat.lunaryRunsPage.format, keys: ["page", "limit", "data", "total"]),
    ]

    /// How many of each signature's keys an object has, by position in ``signatures``.
    private typealias SignatureCounts = SIMD8<Int>

    /// Each signature key, with the signatures that list it as a bit set: bit `p` stands for
    /// `signatures[p]`.
    ///
    /// A bit set rather than an array of positions: looking a key up then copies no reference out of
    /// this shared table, so documents detected on several threads at once never write its reference
    /// counts (which would bounce their cache lines between cores, once per key).
    private static let signaturesByKey: [String: UInt8] = {
        precondition(signatures.count <= SignatureCounts.scalarCount, "one bit and one count per signature")
        var index: [String: UInt8] = [:]
        for (position, signature) in signatures.enumerated() {
            for key in signature.keys { index[key, default: 0] |= 1 << position }
        }
        return index
    }()

    /// The format of `value`.
    ///
    /// A JSON array is a list of runs (DataFramer's `runs-list`) when its first element is a run.
    ///
    /// - Throws: `unknownFormat` when no vendor's keys are present (naming the closest vendor document by
    ///   near-miss key names) or when two kinds match equally well.
    public static func detect(_ value: JSONValue) throws(EvalNormError) -> DocumentFormat {
        if case .array(let elements) = value { return try detectList(elements) }
        guard case .object(let object) = value else {
            throw EvalNormError(.unknownFormat, "expected a JSON object (a run or a page) or an array of runs, found \(value.typeName)")
        }
        if object.contains(key: "formatVersion") { return .canonicalRun }
        // One count per signature, in a vector rather than an array: nothing is allocated per document.
        var counts = SignatureCounts()
        for member in object {
            // Hashing finds the candidate; byte equality decides (String's == is canonical equivalence).
            guard let found = signaturesByKey.index(forKey: member.key), signaturesByKey[found].key.isExactly(member.key) else { continue }
            let listing = signaturesByKey[found].value
            for position in signatures.indices where listing & (1 << position) != 0 { counts[position] += 1 }
        }
        // The first signature with the highest count wins; a later one with the same count is a tie.
        var best: (position: Int, count: Int)?
        var tied: Int?
        for position in signatures.indices {
            let count = counts[position]
            guard count > 0 else { continue }
            if let current = best, count <= current.count {
                if count == current.count, tied == nil { tied = position }
                continue
            }
            best = (position, count)
            tied = nil
        }
        guard let best else {
            let keys = object.keys
            throw EvalNormError(.unknownFormat, "not a document of a known vendor: \(describe(keys))\(closest(to: keys))")
        }
        let format = signatures[best.position].format
        if let tied {
            throw EvalNormError(.unknownFormat, "ambiguous document: it matches \(format) and \(signatures[tied].format) equally; name the vendor with --from")
        }
        return refined(format, of: value)
    }

    /// `format`, or the kind its contents show it is: a Scorecard cursor page whose first element is a
    /// run (not a record) is a page of runs.
    static func refined(_ format: DocumentFormat, of value: JSONValue) -> DocumentFormat {
        guard format == DocumentFormat(vendor: .scorecard, kind: .recordsPage), let first = value["data"]?[0],
              (try? detect(first)) == DocumentFormat(vendor: .scorecard, kind: .run)
        else { return format }
        return RunListFormat.scorecardRunsPage.format
    }

    /// The format of a bare array: the list format of the vendor whose run its first element is.
    private static func detectList(_ elements: [JSONValue]) throws(EvalNormError) -> DocumentFormat {
        guard let first = elements.first else {
            throw EvalNormError(.unknownFormat, "an empty array names no vendor; give it with --from (DataFramer lists runs as a bare array)")
        }
        guard first.objectValue != nil else {
            throw EvalNormError(.unknownFormat, "expected an array of runs (objects); its first element is \(first.typeName)", pointer: ["0"])
        }
        let format: DocumentFormat
        do {
            format = try detect(first)
        } catch {
            throw EvalNormError(.unknownFormat, "an array whose first element is not a run: \(error.message)", pointer: ["0"])
        }
        guard format.kind == .run, let vendor = format.vendor, let list = RunListFormat.of(vendor: vendor), list.member == nil else {
            throw EvalNormError(.unknownFormat, "an array of \(format) documents; of the known vendors only DataFramer lists runs as a bare array",
                                pointer: ["0"])
        }
        return list.format
    }

    private static func describe(_ keys: [String]) -> String {
        if keys.isEmpty { return "the object is empty" }
        let shown = keys.prefix(6).map { "'\($0)'" }.joined(separator: ", ")
        return "none of its keys (\(shown)\(keys.count > 6 ? ", …" : "")) is one that Scorecard, DataFramer, Aegis or Lunary documents"
    }

    /// `; closest: aegis run ('evaluation' looks like 'evaluations')`, when a key is a near miss.
    private static func closest(to keys: [String]) -> String {
        var best: (format: DocumentFormat, key: String, known: String, distance: Int)?
        // Bounded, so that an object with huge or countless keys cannot make an error message slow.
        let candidates = keys.prefix(64).filter { $0.utf8.count <= 64 }
        for signature in signatures {
            for key in candidates {
                for known in signature.keys {
                    let distance = editDistance(key, known)
                    if distance <= max(1, known.count / 4), distance < (best?.distance ?? .max) {
                        best = (signature.format, key, known, distance)
                    }
                }
            }
        }
        guard let best else { return "" }
        return "; closest: \(best.format) ('\(best.key)' looks like '\(best.known)')"
    }

    /// Levenshtein distance over Unicode scalars, for near-miss key names.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars), b = Array(b.unicodeScalars)
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var previous = Array(0...b.count)
        var current = previous
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
