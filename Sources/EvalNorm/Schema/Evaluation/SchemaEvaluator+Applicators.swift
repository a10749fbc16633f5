/// The in-place applicators: `allOf`, `anyOf`, `oneOf`, `not`, `if`/`then`/`else`, `dependentSchemas`.
/// Their subschemas see the same instance, and their annotations count for `unevaluated*`.
extension SchemaEvaluator {
    mutating func applyAllOf(_ nodes: Range<Int>, _ instance: JSONValue, report: Bool, collect: Bool,
                             into annotations: inout Annotations) -> Bool {
        var valid = true
        for (offset, position) in nodes.enumerated() {
            let branch = program.nodeLists[position]
            let outcome = descend(branch, instance, keyword: "allOf", String(offset), report: report, annotate: collect)
            if outcome.valid {
                if collect { annotations.formUnion(outcome.annotations) }
            } else {
                valid = false
                if !report { break }
            }
        }
        return valid
    }

    mutating func applyAnyOf(_ nodes: Range<Int>, _ node: Int, _ instance: JSONValue, report: Bool, collect: Bool,
                             into annotations: inout Annotations) -> Bool {
        var valid = false
        for (offset, position) in nodes.enumerated() {
            let branch = program.nodeLists[position]
            let outcome = descend(branch, instance, keyword: "anyOf", String(offset), report: false, annotate: collect)
            guard outcome.valid else { continue }
            valid = true
            guard collect else { break }  // annotations come from every passing branch
            annotations.formUnion(outcome.annotations)
        }
        if isAborted { return false }
        if !valid, report { reportNoMatch(nodes, keyword: "anyOf", node, instance) }
        return valid
    }

    mutating func applyOneOf(_ nodes: Range<Int>, _ node: Int, _ instance: JSONValue, report: Bool, collect: Bool,
                             into annotations: inout Annotations) -> Bool {
        var matches: [Int] = []
        var matched = Annotations()
        for (offset, position) in nodes.enumerated() {
            let branch = program.nodeLists[position]
            let outcome = descend(branch, instance, keyword: "oneOf", String(offset), report: false, annotate: collect)
            guard outcome.valid else { continue }
            matches.append(offset)
            matched = outcome.annotations
            if matches.count > 1, !report { return false }
        }
        if isAborted { return false }
        switch matches.count {
        case 1:
            if collect { annotations.formUnion(matched) }
            return true
        case 0:
            if report { reportNoMatch(nodes, keyword: "oneOf", node, instance) }
            return false
        default:
            let which = matches.map(String.init).joined(separator: ", ")
            fail(node, "oneOf", "expected exactly one schema in oneOf to match, found \(matches.count) (\(which))", report)
            return false
        }
    }

    /// Reports an `anyOf`/`oneOf` that no branch matched.
    ///
    /// A branch whose only errors are about this value's own type or constant was ruled out at
    /// once; when exactly one branch got further (the common `anyOf: [{$ref}, {type: null}]`), its
    /// errors are what a person wants to see, so they are reported as they are. Otherwise one error
    /// sums up the branches: `expected string or number, found boolean true`.
    private mutating func reportNoMatch(_ nodes: Range<Int>, keyword: String, _ node: Int, _ instance: JSONValue) {
        var branches: [[ValidationError]] = []
        for (offset, position) in nodes.enumerated() {
            let branch = program.nodeLists[position]
            let (_, errors) = collectingErrors { evaluator in
                evaluator.descend(branch, instance, keyword: keyword, String(offset), report: true, annotate: false)
            }
            branches.append(errors)
        }
        let here = instanceLocation
        func isShallow(_ error: ValidationError) -> Bool {
            error.instanceLocation == here
                && ["type", "const", "enum"].contains(error.keywordLocation.tokens.last ?? "")
        }
        let deep = branches.filter { !$0.allSatisfy(isShallow) }
        if deep.count == 1 {
            record(deep[0])
            return
        }
        let found = ", found " + InstanceDescription.describe(instance)
        let firsts = branches.compactMap(\.first)
        let message: String
        if firsts.count == branches.count, firsts.allSatisfy({ isShallow($0) && $0.message.hasPrefix("expected ") && $0.message.hasSuffix(found) }) {
            let expectations = firsts.map { $0.message.dropFirst("expected ".count).dropLast(found.count) }
            message = "expected " + expectations.joined(separator: " or ") + found
        } else {
            let reasons = firsts.prefix(4).map { error in
                error.instanceLocation == here ? error.message : "\(error.instanceLocation): \(error.message)"
            }
            message = "expected a value matching one of the \(nodes.count) schemas in \(keyword); " + reasons.joined(separator: "; ")
        }
        fail(node, keyword, message, true)
    }

    mutating func applyNot(_ negated: Int, _ node: Int, _ instance: JSONValue, report: Bool) -> Bool {
        let matches = descend(negated, instance, keyword: "not", report: false, annotate: false).valid
        if isAborted { return false }
        guard matches else { return true }
        fail(node, "not", "expected a value that does not match the schema in not, found \(InstanceDescription.describe(instance))", report)
        return false
    }

    mutating func applyConditional(_ condition: Int, _ then: Int?, _ otherwise: Int?, _ instance: JSONValue,
                                   report: Bool, collect: Bool, into annotations: inout Annotations) -> Bool {
        if then == nil, otherwise == nil, !collect { return true }
        let test = descend(condition, instance, keyword: "if", report: false, annotate: collect)
        if isAborted { return false }
        if test.valid, collect { annotations.formUnion(test.annotations) }
        guard let branch = test.valid ? then : otherwise else { return true }
        let outcome = descend(branch, instance, keyword: test.valid ? "then" : "else", report: report, annotate: collect)
        if outcome.valid, collect { annotations.formUnion(outcome.annotations) }
        return outcome.valid
    }

    mutating func applyDependentSchemas(_ dependencies: Range<Int>, _ instance: JSONValue,
                                        report: Bool, collect: Bool, into annotations: inout Annotations) -> Bool {
        guard case .object(let members) = instance else { return true }
        var valid = true
        for position in dependencies where program.string(program.keyedNodes[position].key, isKeyIn: members) {
            let dependency = program.keyedNodes[position]
            let outcome = descend(dependency.node, instance, keyword: "dependentSchemas", program.strings[dependency.key],
                                  report: report, annotate: collect)
            if outcome.valid {
                if collect { annotations.formUnion(outcome.annotations) }
            } else {
                valid = false
                if !report { break }
            }
        }
        return valid
    }
}
