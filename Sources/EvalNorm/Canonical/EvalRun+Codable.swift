/// `Codable` for ``EvalRun``: `JSONEncoder` and `JSONDecoder` produce and read the canonical JSON
/// shape, through ``CanonicalCodec``.
///
/// Only ``CanonicalCodec`` with ``JSONParser``/``JSONWriter`` keeps number lexemes and the member
/// order of verbatim JSON (`parameters`, `extensions`, …); on the `Codable` path numbers are what
/// the coder makes of them (`1.0` may come back as `1`) and objects come back with sorted keys.
extension EvalRun: Codable {
    public init(from decoder: any Decoder) throws {
        self = try CanonicalCodec().decode(JSONValue(from: decoder))
    }

    public func encode(to encoder: any Encoder) throws {
        try CanonicalCodec().encode(self).encode(to: encoder)
    }
}
