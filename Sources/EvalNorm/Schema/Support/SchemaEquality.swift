/// JSON Schema's equality of instances (`enum`, `const`, `uniqueItems`), which is not ``JSONValue``'s `==`.
///
/// Numbers are equal by mathematical value (`1`, `1.0` and `1e0` are one number), objects by their
/// set of members whatever the order, strings and keys by their exact characters.
enum SchemaEquality {
    static func equal(_ left: JSONValue, _ right: JSONValue) -> Bool {
        switch (left, right) {
        case (.null, .null): true
        case let (.bool(a), .bool(b)): a == b
        case let (.string(a), .string(b)): a.isExactly(b)
        case let (.number(a), .number(b)): a.lexeme == b.lexeme || ExactDecimal(a) == ExactDecimal(b)
        case let (.array(a), .array(b)): a.count == b.count && zip(a, b).allSatisfy { equal($0, $1) }
        case let (.object(a), .object(b)): equalMembers(a, b)
        default: false
        }
    }

    private static func equalMembers(_ left: JSONObject, _ right: JSONObject) -> Bool {
        guard left.count == right.count else { return false }
        for member in left {
            guard let other = right.members.first(where: { $0.key.isExactly(member.key) }),
                  equal(member.value, other.value) else { return false }
        }
        return true
    }
}
