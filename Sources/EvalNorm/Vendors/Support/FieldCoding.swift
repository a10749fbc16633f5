/// How one vendor field's JSON value maps to a canonical value and back.
///
/// `decode` returns `nil` when the JSON cannot be read as the canonical type (`null`, another JSON
/// type); ``MemberReader`` then keeps the original verbatim. `encode` writes the vendor's documented
/// form. When `encode(decode(v))` is not exactly `v` (a string where a number is documented, say),
/// the original is kept too and written back for as long as the canonical value still means the same.
struct FieldCoding<Value: Equatable>: Sendable {
    let decode: @Sendable (JSONValue) -> Value?
    let encode: @Sendable (Value) -> JSONValue
}

extension FieldCoding where Value == String {
    /// A JSON string.
    static let string = FieldCoding(decode: { $0.stringValue }, encode: { .string($0) })

    /// An id documented as a string; a number is read by its lexeme (`991` → `"991"`).
    static let stringID = FieldCoding(decode: idText, encode: { .string($0) })

    /// An id documented as an integer (Aegis `id`); a string is read as it is.
    static let numericID = FieldCoding(decode: idText, encode: { text in JSONNumber(lexeme: text).map(JSONValue.number) ?? .string(text) })

    private static func idText(_ value: JSONValue) -> String? {
        switch value {
        case .string(let text): text
        case .number(let number): number.lexeme
        default: nil
        }
    }
}

extension FieldCoding where Value == JSONNumber {
    /// A JSON number, lexeme kept.
    static let number = FieldCoding(decode: { $0.numberValue }, encode: { .number($0) })

    /// A number that may come as a decimal string (Aegis `total_cost`, `evaluation_cost`): a string
    /// holding a JSON number is read with the same digits; the documented form is a string.
    static let decimalString = FieldCoding(
        decode: { value in
            switch value {
            case .number(let number): number
            case .string(let text): JSONNumber(lexeme: text)
            default: nil
            }
        },
        encode: { .string($0.lexeme) })
}

extension FieldCoding where Value == Bool {
    static let bool = FieldCoding(decode: { $0.boolValue }, encode: { .bool($0) })
}

extension FieldCoding where Value == Timestamp {
    /// A timestamp string, never reformatted.
    static let timestamp = FieldCoding(decode: { $0.stringValue.map { Timestamp($0) } }, encode: { .string($0.text) })
}

extension FieldCoding where Value == JSONValue {
    /// Any JSON but `null`, verbatim.
    static let any = FieldCoding(decode: { value -> JSONValue? in value.isNull ? Optional.none : value }, encode: { $0 })
}

extension FieldCoding where Value == JSONObject {
    /// A JSON object, verbatim.
    static let object = FieldCoding(decode: { $0.objectValue }, encode: { .object($0) })
}

extension FieldCoding where Value == [String] {
    /// An array of strings.
    static let strings = FieldCoding(
        decode: { value in
            guard case .array(let elements) = value else { return nil }
            var strings: [String] = []
            strings.reserveCapacity(elements.count)
            for element in elements {
                guard case .string(let text) = element else { return nil }
                strings.append(text)
            }
            return strings
        },
        encode: { .array($0.map(JSONValue.string)) })
}
