/// Reads the members of one JSON object strictly: every key known, none twice, no `null`, each
/// value of the expected type; every error carries the pointer of the offending value.
///
/// The canonical codec decodes each canonical object through one of these.
struct ObjectReader {
    let object: JSONObject
    let pointer: JSONPointer

    /// Checks that `value` is an object whose keys are all in `allowedKeys`, each once.
    init(_ value: JSONValue, at pointer: JSONPointer, allowedKeys: Set<String>) throws(EvalNormError) {
        guard case .object(let object) = value else {
            throw ObjectReader.mismatch("object", value, at: pointer)
        }
        try ObjectReader.rejectDuplicateKeys(in: object, at: pointer)
        // A key must match an allowed key byte for byte, not only by Swift's canonical equivalence.
        for member in object where !(allowedKeys.firstIndex(of: member.key).map { allowedKeys[$0].isExactly(member.key) } ?? false) {
            throw EvalNormError(.unknownKey, "unknown key '\(member.key)'; expected one of: \(allowedKeys.sorted().joined(separator: ", "))",
                                pointer: pointer.appending(member.key))
        }
        self.object = object
        self.pointer = pointer
    }

    /// Throws at the second occurrence of a key that appears twice in `object`.
    static func rejectDuplicateKeys(in object: JSONObject, at pointer: JSONPointer) throws(EvalNormError) {
        if let duplicate = object.firstDuplicateKeyIndex {
            let key = object[duplicate].key
            throw EvalNormError(.duplicateKey, "duplicate key '\(key)'", pointer: pointer.appending(key))
        }
    }

    /// The value at `key`, or `nil` when absent; `null` is an error, canonical keys are never null.
    func value(_ key: String) throws(EvalNormError) -> JSONValue? {
        guard let value = object[key] else { return nil }
        if case .null = value {
            throw EvalNormError(.typeMismatch, "expected a value, found null; leave the key out instead", pointer: pointer.appending(key))
        }
        return value
    }

    /// The value at a required `key`.
    func required(_ key: String) throws(EvalNormError) -> JSONValue {
        guard let value = try value(key) else {
            throw EvalNormError(.missingKey, "missing required key '\(key)'", pointer: pointer)
        }
        return value
    }

    func string(_ key: String) throws(EvalNormError) -> String? {
        guard let value = try value(key) else { return nil }
        return try ObjectReader.string(value, at: pointer.appending(key))
    }

    func number(_ key: String) throws(EvalNormError) -> JSONNumber? {
        guard let value = try value(key) else { return nil }
        return try ObjectReader.number(value, at: pointer.appending(key))
    }

    /// A number with no fractional part (`3`, `3.0`, `3e0`), as JSON Schema's `integer`.
    func integer(_ key: String) throws(EvalNormError) -> JSONNumber? {
        guard let value = try value(key) else { return nil }
        return try ObjectReader.integer(value, at: pointer.appending(key))
    }

    func bool(_ key: String) throws(EvalNormError) -> Bool? {
        guard let value = try value(key) else { return nil }
        guard case .bool(let flag) = value else { throw ObjectReader.mismatch("boolean", value, at: pointer.appending(key)) }
        return flag
    }

    func object(_ key: String) throws(EvalNormError) -> JSONObject? {
        guard let value = try value(key) else { return nil }
        guard case .object(let object) = value else { throw ObjectReader.mismatch("object", value, at: pointer.appending(key)) }
        return object
    }

    func timestamp(_ key: String) throws(EvalNormError) -> Timestamp? {
        try string(key).map { Timestamp($0) }
    }

    /// The value at `key` decoded by `decode`, which gets the value and its pointer.
    func decode<T>(_ key: String, _ decode: (JSONValue, JSONPointer) throws(EvalNormError) -> T) throws(EvalNormError) -> T? {
        guard let value = try value(key) else { return nil }
        return try decode(value, pointer.appending(key))
    }

    /// The array at `key`, each element decoded by `decode` with its own pointer.
    func array<T>(_ key: String, _ decode: (JSONValue, JSONPointer) throws(EvalNormError) -> T) throws(EvalNormError) -> [T]? {
        guard let value = try value(key) else { return nil }
        let arrayPointer = pointer.appending(key)
        guard case .array(let elements) = value else { throw ObjectReader.mismatch("array", value, at: arrayPointer) }
        var result: [T] = []
        result.reserveCapacity(elements.count)
        for (index, element) in elements.enumerated() {
            result.append(try decode(element, arrayPointer.appending(index: index)))
        }
        return result
    }

    static func string(_ value: JSONValue, at pointer: JSONPointer) throws(EvalNormError) -> String {
        guard case .string(let string) = value else { throw mismatch("string", value, at: pointer) }
        return string
    }

    static func number(_ value: JSONValue, at pointer: JSONPointer) throws(EvalNormError) -> JSONNumber {
        guard case .number(let number) = value else { throw mismatch("number", value, at: pointer) }
        return number
    }

    static func integer(_ value: JSONValue, at pointer: JSONPointer) throws(EvalNormError) -> JSONNumber {
        guard case .number(let number) = value, number.isIntegral else { throw mismatch("integer", value, at: pointer) }
        return number
    }

    /// `expected string, found number 1`.
    static func mismatch(_ expected: String, _ found: JSONValue, at pointer: JSONPointer) -> EvalNormError {
        var text = JSONWriter().string(from: found)
        if text.count > 40 { text = String(text.prefix(37)) + "..." }
        let foundType = if case .number(let number) = found, number.isInteger { "integer" } else { found.typeName }
        let found = found.isNull ? "null" : "\(foundType) \(text)"
        return EvalNormError(.typeMismatch, "expected \(expected), found \(found)", pointer: pointer)
    }
}

/// Builds a JSON object member by member, leaving out absent values.
struct ObjectBuilder {
    private(set) var object = JSONObject()

    init() {
        object.members.reserveCapacity(8)
    }

    mutating func add(_ key: String, _ value: JSONValue?) {
        if let value { object.append(key: key, value: value) }
    }

    mutating func add(_ key: String, _ string: String?) {
        if let string { object.append(key: key, value: .string(string)) }
    }

    mutating func add(_ key: String, _ number: JSONNumber?) {
        if let number { object.append(key: key, value: .number(number)) }
    }

    mutating func add(_ key: String, _ flag: Bool?) {
        if let flag { object.append(key: key, value: .bool(flag)) }
    }

    mutating func add(_ key: String, _ timestamp: Timestamp?) {
        if let timestamp { object.append(key: key, value: .string(timestamp.text)) }
    }

    var value: JSONValue { .object(object) }
}
