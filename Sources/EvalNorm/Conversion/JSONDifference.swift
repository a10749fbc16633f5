/// Where two JSON values differ, as JSON Pointers into them; for round-trip reports.
public enum JSONDifference {
    /// The pointers of up to `limit` places where `expected` and `actual` differ, in document order:
    /// a member or element present in one only, a different value, a different key order.
    public static func pointers(between expected: JSONValue, and actual: JSONValue, limit: Int = 10) -> [JSONPointer] {
        var found: [JSONPointer] = []
        var stack: [(JSONValue, JSONValue, JSONPointer)] = [(expected, actual, JSONPointer())]
        while let (left, right, pointer) = stack.popLast(), found.count < limit {
            if left == right { continue }
            switch (left, right) {
            case let (.object(a), .object(b)):
                var children: [(JSONValue, JSONValue, JSONPointer)] = []
                let sameKeys = a.keys.elementsEqual(b.keys) { $0.isExactly($1) }
                for member in a {
                    guard let other = b[member.key] else {
                        found.append(pointer.appending(member.key))
                        continue
                    }
                    children.append((member.value, other, pointer.appending(member.key)))
                }
                for member in b where !a.contains(key: member.key) { found.append(pointer.appending(member.key)) }
                if children.allSatisfy({ $0.0 == $0.1 }) && !sameKeys && found.count < limit {
                    found.append(pointer)  // same members, another order (or a repeated key)
                }
                stack.append(contentsOf: children.reversed())
            case let (.array(a), .array(b)):
                for index in min(a.count, b.count)..<max(a.count, b.count) {
                    found.append(pointer.appending(index: index))
                }
                for index in (0..<min(a.count, b.count)).reversed() {
                    stack.append((a[index], b[index], pointer.appending(index: index)))
                }
            default:
                found.append(pointer)
            }
        }
        return Array(found.prefix(limit))
    }
}
