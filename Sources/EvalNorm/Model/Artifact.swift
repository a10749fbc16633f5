/// A file a run produced. DataFramer `generated_files[]`.
public struct Artifact: Sendable, Hashable {
    /// DataFramer `generated_files[].id`.
    public var id: String?
    /// DataFramer `generated_files[].path`.
    public var path: String?
    /// DataFramer `generated_files[].file_type`.
    public var mediaType: String?
    /// DataFramer `generated_files[].size_bytes`.
    public var sizeBytes: JSONNumber?

    public init(id: String? = nil, path: String? = nil, mediaType: String? = nil, sizeBytes: JSONNumber? = nil) {
        self.id = id
        self.path = path
        self.mediaType = mediaType
        self.sizeBytes = sizeBytes
    }
}
