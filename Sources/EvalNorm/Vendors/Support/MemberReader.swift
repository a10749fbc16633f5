/// Reads one vendor object field by field, and keeps in a ``VendorBag`` everything the canonical
/// fields it fills cannot re-create: members nobody read, `null`s, values of an unexpected form, and the
/// key order when it is not the documented one.
///
/// ```swift
/// var reader = try MemberReader(value, at: pointer, documentedKeys: AegisCodec.runKeys)
/// run.name = reader.read("alias", .string)
/// reader.keep("run_type")                 // no canonical home
/// let bag = reader.finish()               // unread members are kept too
/// ```
struct MemberReader {
    let object: JSONObject
    let pointer: JSONPointer
    /// The keys the codec knows, in the order the vendor documents them. Every key the codec reads
    /// must be here: the writer places the others after these, in their kept order.
    let documentedKeys: [String]
    /// Per member: read by the codec, and kept in the bag.
    private var read: [Bool]
    private var kept: [Bool]
    /// Per documented key: the position of the first member with that key, if any.
    private var memberPositions: [Int?]
    /// Whether the object's keys are in ``documentedOrder(of:documentedKeys:)``.
    private let isInDocumentedOrder: Bool
    /// Finds the documented position of each key the codec reads; they read in documented order.
    private var readCursor: KeyCursor

    /// - Throws: `typeMismatch` when `value` is not an object.
    init(_ value: JSONValue, at pointer: JSONPointer, documentedKeys: [String]) throws(EvalNormError) {
        guard case .object(let object) = value else { throw ObjectReader.mismatch("object", value, at: pointer) }
        self.init(object, at: pointer, documentedKeys: documentedKeys)
    }

    init(_ object: JSONObject, at pointer: JSONPointer, documentedKeys: [String]) {
        self.object = object
        self.pointer = pointer
        self.documentedKeys = documentedKeys
        // `filledWith`, not `repeating`: see Array+SpecializedAllocation.swift.
        read = Array(filledWith: false, count: object.count)
        kept = Array(filledWith: false, count: object.count)
        readCursor = KeyCursor(documentedKeys)
        // One pass finds each documented key's member and checks that the keys are in documented order:
        // documented keys in ascending documented position, then only undocumented ones.
        var positions = [Int?](filledWith: nil, count: documentedKeys.count)
        var cursor = KeyCursor(documentedKeys)
        var inOrder = true
        var lastRank = -1
        var undocumentedSeen = false
        for (index, member) in object.enumerated() {
            if let rank = cursor.position(of: member.key) {
                if positions[rank] == nil { positions[rank] = index }
                if undocumentedSeen || rank < lastRank { inOrder = false }
                lastRank = rank
            } else {
                undocumentedSeen = true
            }
        }
        memberPositions = positions
        isInDocumentedOrder = inOrder
    }

    /// The position of the first member named `key`, which must be a documented key.
    private mutating func index(of key: String) -> Int? {
        guard let rank = readCursor.position(of: key) else {
            assertionFailure("a key the codec reads must be in its documented keys, or key order breaks")
            return object.index(forKey: key)
        }
        return memberPositions[rank]
    }

    /// The raw value of `key`, marked as read; the caller keeps it (``keep(_:)``) if it cannot
    /// re-create it.
    mutating func take(_ key: String) -> JSONValue? {
        guard let index = index(of: key) else { return nil }
        read[index] = true
        return object[index].value
    }

    /// Whether the object has a member `key` (its value may be `null`).
    func has(_ key: String) -> Bool {
        object.index(forKey: key) != nil
    }

    /// The value of `key` read through `coding`; the original is kept when the canonical value cannot
    /// re-create it exactly (including `null`, which reads as `nil`).
    mutating func read<Value>(_ key: String, _ coding: FieldCoding<Value>) -> Value? {
        guard let index = index(of: key) else { return nil }
        read[index] = true
        let original = object[index].value
        guard let value = coding.decode(original) else {
            kept[index] = true
            return nil
        }
        if coding.encode(value) != original { kept[index] = true }
        return value
    }

    /// Keeps `key`'s member verbatim in the bag (a field with no canonical home).
    mutating func keep(_ key: String) {
        guard let index = index(of: key) else { return }
        read[index] = true
        kept[index] = true
    }

    /// The bag: kept and unread members in the object's order, and the key order if it is not the
    /// documented one.
    func finish() -> VendorBag {
        var bag = VendorBag()
        for (index, member) in object.enumerated() where kept[index] || !read[index] {
            bag.fields.append(key: member.key, value: member.value)
        }
        if !isInDocumentedOrder {
            bag.keyOrder = object.keys
        }
        return bag
    }

    /// The rank of each key in ``documentedOrder(of:documentedKeys:)``: its documented position, or
    /// for an undocumented key the number of documented keys plus its own position.
    static func documentedRanks(of keys: [String], documentedKeys: [String]) -> [Int] {
        var cursor = KeyCursor(documentedKeys)
        return keys.enumerated().map { position, key in cursor.position(of: key) ?? documentedKeys.count + position }
    }

    /// Whether each rank is at least the one before it: keys in ``documentedOrder(of:documentedKeys:)``
    /// already, the common case, checked without sorting.
    static func isAscending(_ ranks: [Int]) -> Bool {
        zip(ranks, ranks.dropFirst()).allSatisfy { $0 <= $1 }
    }

    /// `keys` in the order a ``MemberWriter`` writes them without a `keyOrder`: documented keys in the
    /// documented order, then the others in their own order.
    static func documentedOrder(of keys: [String], documentedKeys: [String]) -> [String] {
        let ranks = documentedRanks(of: keys, documentedKeys: documentedKeys)
        return zip(ranks, keys).sorted { $0.0 < $1.0 }.map(\.1)
    }
}

extension MemberReader {
    /// The run id at `key`, which every vendor document has.
    ///
    /// - Throws: `missingKey` when absent, `typeMismatch` when not a string or number.
    mutating func requiredID(_ key: String, _ coding: FieldCoding<String>) throws(EvalNormError) -> String {
        guard let value = object[key] else {
            throw EvalNormError(.missingKey, "missing required key '\(key)'", pointer: pointer)
        }
        guard let id = read(key, coding) else {
            throw ObjectReader.mismatch("string or number", value, at: pointer.appending(key))
        }
        return id
    }
}
