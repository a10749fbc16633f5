/// The array applicators: `prefixItems`, `items`, `contains` (with `minContains`/`maxContains`)
/// and `unevaluatedItems`.
extension SchemaEvaluator {
    mutating func applyItems(_ prefix: Range<Int>, _ rest: Int?, _ node: Int, _ instance: JSONValue,
                             report: Bool, collect: Bool, into annotations: inout Annotations) -> Bool {
        guard case .array(let elements) = instance else { return true }
        // A large array (a run's thousands of evaluations) is shared between the cores.
        if prefix.isEmpty, let rest, elements.count >= Shares.parallelCount, program.nodes[rest].constant != false {
            let valid = evaluateItemsInShares(rest, elements, report: report)
            if collect { annotations.items.insertAll() }
            return valid
        }
        var valid = true
        for (index, element) in elements.enumerated() {
            if index < prefix.count {
                valid = descend(program.nodeLists[prefix.lowerBound + index], element, keyword: "prefixItems", String(index), instance: String(index),
                                report: report, annotate: false).valid && valid
                if collect { annotations.items.insert(index, count: elements.count) }
            } else if let rest {
                if program.nodes[rest].constant == false {
                    fail(node, "items", "expected at most \(prefix.count) item\(prefix.count == 1 ? "" : "s"), found \(elements.count)", report)
                    return false
                }
                valid = descend(rest, element, keyword: "items", instance: String(index), report: report, annotate: false).valid && valid
            } else {
                break
            }
            if !valid, !report { return false }
        }
        if collect, rest != nil, elements.count > prefix.count { annotations.items.insertAll() }
        return valid
    }

    mutating func applyContains(_ contained: Int, _ minimum: Int, _ maximum: Int?, _ node: Int, _ instance: JSONValue,
                                report: Bool, collect: Bool, into annotations: inout Annotations) -> Bool {
        guard case .array(let elements) = instance else { return true }
        var count = 0
        for (index, element) in elements.enumerated()
        where descend(contained, element, keyword: "contains", instance: String(index), report: false, annotate: false).valid {
            count += 1
            if collect { annotations.items.insert(index, count: elements.count) }
        }
        if isAborted { return false }
        if count < minimum {
            let items = minimum == 1 ? "item" : "items"
            fail(node, minimum == 1 ? "contains" : "minContains",
                 "expected at least \(minimum) \(items) matching the contains schema, found \(count)", report)
            return false
        }
        if let maximum, count > maximum {
            fail(node, "maxContains", "expected at most \(maximum) item\(maximum == 1 ? "" : "s") matching the contains schema, found \(count)", report)
            return false
        }
        return true
    }

    mutating func applyUnevaluatedItems(_ unevaluated: Int, _ node: Int, _ instance: JSONValue,
                                        report: Bool, collect: Bool, into annotations: inout Annotations) -> Bool {
        guard case .array(let elements) = instance else { return true }
        var valid = true
        for (index, element) in elements.enumerated() where !annotations.items.contains(index) {
            if program.nodes[unevaluated].constant == false {
                fail(node, "unevaluatedItems", "item \(index) is not allowed here (not evaluated by any subschema)", report, at: String(index))
                valid = false
            } else {
                valid = descend(unevaluated, element, keyword: "unevaluatedItems", instance: String(index), report: report, annotate: false).valid && valid
            }
            if !valid, !report { return false }
        }
        if collect { annotations.items.insertAll() }
        return valid
    }
}
