/// Short descriptions of instance values for validation messages: `string "1"`, `number 1.5`, `object`.
enum InstanceDescription {
    /// The value's JSON Schema type and, for scalars, the value itself (long strings cut at 40
    /// characters): `found string "abc"`, `found null`.
    static func describe(_ value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case .bool(let flag): "boolean \(flag)"
        case .number(let number): "\(number.isIntegral ? "integer" : "number") \(number.lexeme)"
        case .string(let text): "string \(quoted(text))"
        case .array(let elements): "array of \(elements.count) item\(elements.count == 1 ? "" : "s")"
        case .object: "object"
        }
    }

    /// The value as compact JSON text, cut at 60 characters with `…` (strings at 40).
    static func literal(_ value: JSONValue) -> String {
        switch value {
        case .string(let text):
            return quoted(text)
        case .object, .array:
            let text = JSONWriter().string(from: value)
            guard text.unicodeScalars.count > 60 else { return text }
            return String(String.UnicodeScalarView(text.unicodeScalars.prefix(60))) + "…"
        default:
            return JSONWriter().string(from: value)
        }
    }

    /// `"text"`, cut to 40 characters with `…` when longer.
    static func quoted(_ text: String) -> String {
        let cut = text.unicodeScalars.count > 40
            ? String(String.UnicodeScalarView(text.unicodeScalars.prefix(40))) + "…" : text
        return JSONWriter().string(from: .string(cut))
    }
}
