/// The kind of a vendor document: which endpoint's payload it is.
///
/// Open, like ``Vendor``: a kind this version does not know can still be named.
public struct DocumentKind: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }

    /// One run (Scorecard `GET /runs/{runId}`, DataFramer `GET /runs/{run_id}/`, Aegis `GET /runs/{run_id}`,
    /// Lunary `GET /v1/runs/{id}`), or a canonical run.
    public static let run = DocumentKind(rawValue: "run")
    /// One page of a Scorecard run's records with their scores (`GET /runs/{runId}/records`).
    public static let recordsPage = DocumentKind(rawValue: "records-page")
    /// One page of a list of runs in the vendor's envelope: Scorecard's cursor page
    /// (`GET /projects/{projectId}/runs`), Aegis `{items, meta}`, Lunary `{page, limit, data}`.
    public static let runsPage = DocumentKind(rawValue: "runs-page")
    /// A bare JSON array of runs (DataFramer `GET /api/dataframer/runs/`).
    public static let runsList = DocumentKind(rawValue: "runs-list")
}

/// One vendor payload, with the vendor and kind it was read as.
public struct VendorDocument: Sendable, Hashable {
    public var vendor: Vendor
    public var kind: DocumentKind
    /// The payload, exactly as parsed.
    public var value: JSONValue

    public init(vendor: Vendor, kind: DocumentKind, value: JSONValue) {
        self.vendor = vendor
        self.kind = kind
        self.value = value
    }
}
