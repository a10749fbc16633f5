/// The data a run was evaluated on, or generated into.
public struct Dataset: Sendable, Hashable {
    /// Scorecard `testsetId`; DataFramer `dataset_id`.
    public var id: String?
    /// DataFramer `dataset_name`; Aegis `dataset`.
    public var name: String?
    /// The dataset's version, where a vendor reports one.
    public var version: String?
    /// DataFramer `dataset_type`.
    public var kind: String?
    /// Aegis `data_collection`.
    public var collection: String?

    public init(id: String? = nil, name: String? = nil, version: String? = nil, kind: String? = nil, collection: String? = nil) {
        self.id = id
        self.name = name
        self.version = version
        self.kind = kind
        self.collection = collection
    }
}
