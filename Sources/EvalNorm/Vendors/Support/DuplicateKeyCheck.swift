/// Vendor payloads must not repeat a key: which member a vendor meant would be a guess.
enum DuplicateKeyCheck {
    /// Throws `duplicateKey` with the pointer of the first repeated key's second occurrence, searching
    /// the whole document depth-first in document order (no recursion, so any depth is safe).
    static func check(_ value: JSONValue) throws(EvalNormError) {
        // Pointers are only built when there is a duplicate to report.
        if hasDuplicateKey(value) { try locate(in: value) }
    }

    /// Whether any object in `value` repeats a key. The elements of a large array at the top or in a
    /// member of the top object (a run's thousands of evaluations) are searched on several threads.
    private static func hasDuplicateKey(_ value: JSONValue) -> Bool {
        guard case .object(let object) = value else { return searchWithShares(value) }
        if object.firstDuplicateKeyIndex != nil { return true }
        return object.contains { $0.value.isContainer && searchWithShares($0.value) }
    }

    private static func searchWithShares(_ value: JSONValue) -> Bool {
        guard case .array(let elements) = value, elements.count >= Shares.parallelCount else { return search(value) }
        return Shares.map(elements.count, jobs: Shares.jobs(for: elements.count)) { range in
            range.contains { search(elements[$0]) }
        }.contains(true)
    }

    private static func search(_ value: JSONValue) -> Bool {
        var stack: [JSONValue] = [value]
        while let current = stack.popLast() {
            switch current {
            case .object(let object):
                if object.firstDuplicateKeyIndex != nil { return true }
                for member in object where member.value.isContainer { stack.append(member.value) }
            case .array(let elements):
                for element in elements where element.isContainer { stack.append(element) }
            default:
                break
            }
        }
        return false
    }

    private static func locate(in value: JSONValue) throws(EvalNormError) {
        // Each frame: a container and the pointer to it; children are pushed in reverse to visit in order.
        var stack: [(value: JSONValue, pointer: JSONPointer)] = [(value, JSONPointer())]
        while let (current, pointer) = stack.popLast() {
            switch current {
            case .object(let object):
                try ObjectReader.rejectDuplicateKeys(in: object, at: pointer)
                for member in object.reversed() where member.value.isContainer {
                    stack.append((member.value, pointer.appending(member.key)))
                }
            case .array(let elements):
                for (index, element) in elements.enumerated().reversed() where element.isContainer {
                    stack.append((element, pointer.appending(index: index)))
                }
            default:
                break
            }
        }
    }
}

extension JSONValue {
    /// Whether the value is an array or an object.
    var isContainer: Bool {
        switch self {
        case .array, .object: true
        default: false
        }
    }
}
