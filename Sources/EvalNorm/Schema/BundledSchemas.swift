/// The JSON Schemas (draft 2020-12) that ship with EvalNorm, embedded from `Schemas/` at build time.
///
/// `Schemas/NAME.schema.json` is the single source of truth; `Scripts/embed-schemas.sh` copies it
/// into the library, and a test fails when the copy drifts.
///
/// ```swift
/// BundledSchemas.names                       // ["eval-run"]
/// let schema = BundledSchemas.schema(named: "eval-run")
/// ```
public enum BundledSchemas {
    /// The names of the bundled schemas, sorted (`eval-run`, …).
    public static var names: [String] { texts.map(\.key).sorted() }

    /// The schema's text exactly as in `Schemas/NAME.schema.json`, or `nil` for an unknown name.
    public static func text(named name: String) -> String? {
        texts.first { $0.key == name }?.value
    }

    /// The schema as a ``JSONValue``, or `nil` for an unknown name.
    public static func schema(named name: String) -> JSONValue? {
        text(named: name).flatMap { try? JSONParser().parse($0) }
    }
}
