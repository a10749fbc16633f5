/// The validation and format vocabularies: keywords that check the instance itself.
extension SchemaEvaluator {
    mutating func checkType(_ types: SchemaTypes, _ names: Int, _ node: Int, _ instance: JSONValue, _ report: Bool) -> Bool {
        if types.admits(instance) { return true }
        guard report else { return false }  // `anyOf` branches fail here often: no message for them
        fail(node, "type", "expected \(program.strings[names]), found \(InstanceDescription.describe(instance))", report)
        return false
    }

    mutating func checkEnumeration(_ run: Range<Int>, _ node: Int, _ instance: JSONValue, _ report: Bool) -> Bool {
        if run.contains(where: { program.value($0, equals: instance) }) { return true }
        guard report else { return false }
        let values = program.values[run]
        if values.isEmpty {
            fail(node, "enum", "expected no value at all (the enum is empty), found \(InstanceDescription.describe(instance))", report)
        } else {
            let shown = values.prefix(8).map(InstanceDescription.literal).joined(separator: ", ")
            let more = values.count > 8 ? ", … (\(values.count) values)" : ""
            fail(node, "enum", "expected one of \(shown)\(more), found \(InstanceDescription.describe(instance))", report)
        }
        return false
    }

    mutating func checkConstant(_ index: Int, _ node: Int, _ instance: JSONValue, _ report: Bool) -> Bool {
        if program.value(index, equals: instance) { return true }
        if report {
            let value = program.values[index]
            let found = instance.arrayValue == nil && instance.objectValue == nil
                ? InstanceDescription.describe(instance) : InstanceDescription.literal(instance)
            fail(node, "const", "expected \(InstanceDescription.literal(value)), found \(found)", report)
        }
        return false
    }

    mutating func checkMultipleOf(_ index: Int, _ node: Int, _ instance: JSONValue, _ report: Bool) -> Bool {
        guard case .number(let number) = instance else { return true }
        let divisor = program.numbers[index].exact
        let lexeme = program.numbers[index].lexeme
        let isMultiple = ExactDecimal(number).isMultiple(of: divisor)
            ?? doubleIsMultiple(number.doubleValue, of: lexeme.doubleValue)
        if isMultiple { return true }
        fail(node, "multipleOf", "expected a multiple of \(lexeme.lexeme), found \(number.lexeme)", report)
        return false
    }

    /// The fallback for divisors of more than 38 significant digits.
    private func doubleIsMultiple(_ value: Double?, of divisor: Double?) -> Bool {
        guard let value, let divisor, divisor != 0 else { return false }
        let quotient = value / divisor
        return quotient.isFinite && quotient == quotient.rounded()
    }

    mutating func checkBound(_ bound: NumericBound, _ limit: Int, _ node: Int, _ instance: JSONValue, _ report: Bool) -> Bool {
        guard case .number(let number) = instance else { return true }
        let order = program.compare(ExactDecimal(number), toNumber: limit)
        let passes: Bool
        let expected: String
        switch bound {
        case .minimum: passes = order >= 0; expected = "at least"
        case .exclusiveMinimum: passes = order > 0; expected = "more than"
        case .maximum: passes = order <= 0; expected = "at most"
        case .exclusiveMaximum: passes = order < 0; expected = "less than"
        }
        if passes { return true }
        guard report else { return false }
        fail(node, bound.keyword, "expected \(expected) \(program.numbers[limit].lexeme.lexeme), found \(number.lexeme)", report)
        return false
    }

    mutating func checkSize(_ bound: SizeBound, _ limit: Int, _ node: Int, _ instance: JSONValue, _ report: Bool) -> Bool {
        let size: Int
        let unit: String
        switch (bound, instance) {
        case (.minLength, .string(let text)), (.maxLength, .string(let text)):
            // Lengths count Unicode code points; UTF-8 byte counts bound them cheaply first.
            // (a code point takes one to four bytes).
            let bytes = text.utf8.count
            if bound == .maxLength, bytes <= limit { return true }
            if bound == .minLength, bytes / 4 >= limit { return true }
            size = text.unicodeScalars.count
            unit = "character"
        case (.minItems, .array(let elements)), (.maxItems, .array(let elements)):
            size = elements.count
            unit = "item"
        case (.minProperties, .object(let members)), (.maxProperties, .object(let members)):
            size = members.count
            unit = "propert"
        default:
            return true
        }
        let passes = bound.isMinimum ? size >= limit : size <= limit
        if passes { return true }
        if report {
            let plural = unit == "propert" ? (limit == 1 ? "property" : "properties") : (limit == 1 ? unit : unit + "s")
            fail(node, bound.keyword, "expected \(bound.isMinimum ? "at least" : "at most") \(limit) \(plural), found \(size)", report)
        }
        return false
    }

    mutating func checkPattern(_ pattern: Int, _ node: Int, _ instance: JSONValue, _ report: Bool) -> Bool {
        guard case .string(let text) = instance, !program.pattern(pattern, matches: text) else { return true }
        fail(node, "pattern", "expected a string matching \(InstanceDescription.quoted(program.patterns[pattern].source)), found \(InstanceDescription.quoted(text))", report)
        return false
    }

    mutating func checkUniqueItems(_ node: Int, _ instance: JSONValue, _ report: Bool) -> Bool {
        guard case .array(let elements) = instance, elements.count > 1 else { return true }
        for later in 1..<elements.count {
            for earlier in 0..<later where SchemaEquality.equal(elements[earlier], elements[later]) {
                fail(node, "uniqueItems", "expected unique items, found items \(earlier) and \(later) equal", report)
                return false
            }
        }
        return true
    }

    mutating func checkRequired(_ names: Range<Int>, _ node: Int, _ instance: JSONValue, _ report: Bool) -> Bool {
        guard case .object(let members) = instance else { return true }
        var valid = true
        var search = MemberSearch(members)
        for name in names where !search.contains(name, in: program) {
            valid = false
            guard report else { break }
            fail(node, "required", "missing required property \(InstanceDescription.quoted(program.strings[name]))", report)
        }
        return valid
    }

    mutating func checkDependentRequired(_ dependencies: Range<Int>, _ node: Int, _ instance: JSONValue, _ report: Bool) -> Bool {
        guard case .object(let members) = instance else { return true }
        var valid = true
        for dependency in program.dependencies[dependencies] where program.string(dependency.property, isKeyIn: members) {
            for name in dependency.required where !program.string(name, isKeyIn: members) {
                valid = false
                guard report else { return false }
                let property = program.strings[dependency.property]
                fail(node, "dependentRequired",
                     "missing property \(InstanceDescription.quoted(program.strings[name])), required when \(InstanceDescription.quoted(property)) is present", report)
            }
        }
        return valid
    }

    mutating func checkFormat(_ format: Int, _ node: Int, _ instance: JSONValue, _ report: Bool) -> Bool {
        guard assertsFormat, case .string(let text) = instance else { return true }
        let format = program.strings[format]
        guard !FormatChecker.isValid(text, format: format) else { return true }
        fail(node, "format", "expected a \(format), found \(InstanceDescription.quoted(text))", report)
        return false
    }
}
