/// The schema documents that `$ref`s may name by URI, beyond the schema being compiled.
///
/// Starts with EvalNorm's bundled schemas (``BundledSchemas``), registered under their `$id`s; add
/// your own with ``register(_:uri:)``. Nothing is ever fetched from the network: a reference to a
/// document that is not registered is a schema error.
///
/// ```swift
/// var registry = SchemaRegistry()
/// registry.register(commonDefinitions, uri: "https://example.com/common.json")
/// let schema = try JSONSchema(mySchema, registry: registry)
/// ```
public struct SchemaRegistry: Sendable {
    private var documents: [String: JSONValue] = [:]

    /// A registry holding the bundled schemas.
    public init() {
        self.init(bundled: true)
    }

    init(bundled: Bool) {
        if bundled { documents = SchemaRegistry.bundledDocuments }
    }

    /// The bundled schemas by `$id`, parsed once.
    private static let bundledDocuments: [String: JSONValue] = {
        var documents: [String: JSONValue] = [:]
        for name in BundledSchemas.names {
            guard let schema = BundledSchemas.schema(named: name), let id = schema["$id"]?.stringValue else { continue }
            documents[SchemaRegistry.key(id)] = schema
        }
        return documents
    }()

    /// Makes `document` available to `$ref`s under `uri` (an absolute URI; a fragment is ignored).
    /// A document with its own `$id` can also be found by that.
    public mutating func register(_ document: JSONValue, uri: String) {
        documents[SchemaRegistry.key(uri)] = document
        if let id = document["$id"]?.stringValue {
            let resolved = URIReference(id).resolved(against: URIReference(uri)).withoutFragment.text
            if documents[resolved] == nil { documents[resolved] = document }
        }
    }

    /// The document registered under `uri`, if any.
    public func document(at uri: String) -> JSONValue? {
        documents[SchemaRegistry.key(uri)]
    }

    /// The URIs with a registered document, sorted.
    public var uris: [String] { documents.keys.sorted() }

    private static func key(_ uri: String) -> String {
        URIReference(uri).withoutFragment.text
    }
}
