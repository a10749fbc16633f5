/// Where a canonical run came from: the vendor and the kinds of its documents that were decoded.
public struct RunSource: Sendable, Hashable {
    /// The vendor whose export this run was decoded from.
    public var vendor: Vendor
    /// The document kinds decoded, in order (`run`, `records-page`, …).
    public var documents: [String]

    public init(vendor: Vendor, documents: [String] = ["run"]) {
        self.vendor = vendor
        self.documents = documents
    }
}
