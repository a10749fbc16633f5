/// The object applicators: `properties`, `patternProperties`, `additionalProperties`,
/// `propertyNames` and `unevaluatedProperties`.
extension SchemaEvaluator {
    mutating func applyProperties(_ applicators: PropertyApplicators, _ node: Int, _ instance: JSONValue,
                                  report: Bool, collect: Bool, into annotations: inout Annotations) -> Bool {
        guard case .object(let members) = instance else { return true }
        var valid = true
        var cursor = 0
        for (index, member) in members.enumerated() {
            var matched = false
            if let property = program.node(forProperty: member.key, in: applicators.properties, cursor: &cursor) {
                matched = true
                valid = descend(property, member.value, keyword: "properties", member.key, instance: member.key,
                                report: report, annotate: false).valid && valid
            }
            for position in applicators.patterns where program.pattern(program.keyedNodes[position].key, matches: member.key) {
                matched = true
                let entry = program.keyedNodes[position]
                valid = descend(entry.node, member.value, keyword: "patternProperties", program.patterns[entry.key].source, instance: member.key,
                                report: report, annotate: false).valid && valid
            }
            if !matched, let additional = applicators.additional {
                matched = true
                valid = applyToLeftover(additional, keyword: "additionalProperties", node, key: member.key, member.value, report: report) && valid
            }
            if collect, matched { annotations.properties.insert(index, count: members.count) }
            if !valid, !report { return false }
        }
        return valid
    }

    mutating func applyPropertyNames(_ names: Int, _ instance: JSONValue, report: Bool) -> Bool {
        guard case .object(let members) = instance else { return true }
        var valid = true
        for member in members {
            valid = descend(names, .string(member.key), keyword: "propertyNames", instance: member.key,
                            report: report, annotate: false).valid && valid
            if !valid, !report { return false }
        }
        return valid
    }

    mutating func applyUnevaluatedProperties(_ unevaluated: Int, _ node: Int, _ instance: JSONValue,
                                             report: Bool, collect: Bool, into annotations: inout Annotations) -> Bool {
        guard case .object(let members) = instance else { return true }
        var valid = true
        for (index, member) in members.enumerated() where !annotations.properties.contains(index) {
            valid = applyToLeftover(unevaluated, keyword: "unevaluatedProperties", node, key: member.key, member.value, report: report) && valid
            if !valid, !report { return false }
        }
        if collect { annotations.properties.insertAll() }
        return valid
    }

    /// Applies `additionalProperties` or `unevaluatedProperties` to one member; `false` there gets
    /// a message that names the member.
    private mutating func applyToLeftover(_ leftover: Int, keyword: String, _ node: Int, key: String,
                                          _ value: JSONValue, report: Bool) -> Bool {
        if program.nodes[leftover].constant == false {
            let reason = keyword == "additionalProperties" ? "not one of the properties the schema allows"
                : "not evaluated by any subschema"
            fail(node, keyword, "property \(InstanceDescription.quoted(key)) is not allowed here (\(reason))", report, at: key)
            return false
        }
        return descend(leftover, value, keyword: keyword, instance: key, report: report, annotate: false).valid
    }
}

extension SchemaProgram {
    /// The subschema for `name` in `properties`, a run of ``keyedNodes``, if it has one.
    ///
    /// Documents tend to write their members in the order the schema lists them, so the search
    /// starts at `cursor`, just past the previous hit, and wraps around: one comparison per member in
    /// the common case, and no hashing.
    func node(forProperty name: String, in properties: Range<Int>, cursor: inout Int) -> Int? {
        let count = properties.count
        var position = cursor
        for _ in 0..<count {
            if position >= count { position = 0 }
            let entry = keyedNodes[properties.lowerBound + position]
            if string(entry.key, isExactly: name) {
                cursor = position + 1
                return entry.node
            }
            position += 1
        }
        return nil
    }
}

/// Finds keys among an object's members, starting each search just past the previous hit: when
/// keys are asked for in the order the members are written (`required` lists usually are), each
/// search takes one comparison.
struct MemberSearch {
    private let members: JSONObject
    private var cursor = 0

    init(_ members: JSONObject) {
        self.members = members
    }

    /// Whether the object has the member named `program.strings[name]`.
    mutating func contains(_ name: Int, in program: SchemaProgram) -> Bool {
        let count = members.count
        var position = cursor
        for _ in 0..<count {
            if position >= count { position = 0 }
            if program.string(name, isExactly: members[position].key) {
                cursor = position + 1
                return true
            }
            position += 1
        }
        return false
    }
}
