/// A compiled schema: every subschema reachable from the root as a ``SchemaNode`` in one table,
/// referenced by index, with `$ref`/`$dynamicRef` targets resolved once at compile time.
///
/// Indexes instead of class references keep the program a plain `Sendable` value that any number of
/// threads can evaluate at once, and let reference cycles (`"$ref": "#"`) exist without leaks.
///
/// Nodes and keywords are trivial values (indexes and ranges, no strings, arrays or objects): what a
/// keyword needs beyond that sits in the tables below, read in place. Evaluating therefore never
/// copies a reference out of the program, so threads sharing one program never write the reference
/// counts of its strings, arrays and patterns, which would bounce their cache lines between cores.
struct SchemaProgram: Sendable {
    /// The compiled subschemas; ``root`` is the one validation starts from.
    var nodes: [SchemaNode] = []
    /// Where each node is (same indexes as ``nodes``): its resource's URI, `#`, and the JSON Pointer
    /// inside it. Read only for error messages.
    var locations: [String] = []
    /// The keywords of every node, each node's in one run (``SchemaNode/keywords``).
    var keywords: [SchemaKeyword] = []
    /// The subschema lists of `allOf`, `anyOf`, `oneOf` and `prefixItems`, each in one run.
    var nodeLists: [Int] = []
    /// Names and texts keywords refer to: `required` names, `properties` and dependency names,
    /// `type` descriptions, `format` names and `$dynamicRef` anchors.
    var strings: [String] = []
    /// The values of `enum` (each one a run) and `const`.
    var values: [JSONValue] = []
    /// The numbers of `multipleOf` and the numeric bounds.
    var numbers: [SchemaNumber] = []
    /// The regular expressions of `pattern` and `patternProperties`.
    var patterns: [SchemaPattern] = []
    /// The entries of `properties`, `patternProperties` and `dependentSchemas`, each keyword's in one run.
    var keyedNodes: [KeyedNode] = []
    /// The entries of `dependentRequired`, each keyword's in one run.
    var dependencies: [RequiredDependency] = []
    /// The node each `$ref`/`$dynamicRef` slot points to, filled in by the linker.
    var referenceTargets: [Int] = []
    /// The schema resources (one per `$id`, plus each document root), by index.
    var resources: [SchemaResource] = []
    var root = 0
}

/// A schema resource: a document root or a subschema with an `$id`.
struct SchemaResource: Sendable {
    /// The resource's absolute URI, without fragment.
    var uri: String
    /// `$dynamicAnchor` names declared in this resource, with their nodes.
    var dynamicAnchors: [String: Int] = [:]
}

/// One compiled subschema.
struct SchemaNode: Sendable {
    /// `true`/`false` for a boolean schema (or `{}`, which is `true`); `nil` for a schema with keywords.
    var constant: Bool?
    /// The keywords to evaluate, in evaluation order (`unevaluated*` last): a run of
    /// ``SchemaProgram/keywords``.
    var keywords: Range<Int> = 0..<0
    /// The resource the node belongs to (for the dynamic scope of `$dynamicRef`).
    var resource: Int
    /// Whether the node has `unevaluatedProperties` or `unevaluatedItems`, so that evaluating it
    /// needs the annotations of its in-place applicators.
    var needsAnnotations = false
}

/// A number of `multipleOf` or a numeric bound: its exact value, and the number as written.
struct SchemaNumber: Sendable {
    var exact: ExactDecimal
    var lexeme: JSONNumber
}

/// A subschema under a name or a pattern: an entry of `properties`, `dependentSchemas` (`key` indexes
/// ``SchemaProgram/strings``) or `patternProperties` (`key` indexes ``SchemaProgram/patterns``).
struct KeyedNode: Sendable {
    var key: Int
    var node: Int
}

/// A `dependentRequired` entry: when ``SchemaProgram/strings``[`property`] is present, so must the
/// names in the run `required` of ``SchemaProgram/strings`` be.
struct RequiredDependency: Sendable {
    var property: Int
    var required: Range<Int>
}

/// The JSON types a `type` keyword allows, as a bit set.
struct SchemaTypes: OptionSet, Sendable {
    let rawValue: UInt8
    static let null = SchemaTypes(rawValue: 1)
    static let boolean = SchemaTypes(rawValue: 2)
    static let integer = SchemaTypes(rawValue: 4)
    static let number = SchemaTypes(rawValue: 8)
    static let string = SchemaTypes(rawValue: 16)
    static let array = SchemaTypes(rawValue: 32)
    static let object = SchemaTypes(rawValue: 64)

    static let names: [(String, SchemaTypes)] = [
        ("null", .null), ("boolean", .boolean), ("integer", .integer), ("number", .number),
        ("string", .string), ("array", .array), ("object", .object),
    ]

    /// Whether `value` has one of these types (`integer` matches numbers with no fractional part).
    func admits(_ value: JSONValue) -> Bool {
        switch value {
        case .null: contains(.null)
        case .bool: contains(.boolean)
        case .number(let number): contains(.number) || (contains(.integer) && number.isIntegral)
        case .string: contains(.string)
        case .array: contains(.array)
        case .object: contains(.object)
        }
    }

}

/// A numeric bound keyword.
enum NumericBound: Sendable {
    case minimum, exclusiveMinimum, maximum, exclusiveMaximum

    var keyword: String {
        switch self {
        case .minimum: "minimum"
        case .exclusiveMinimum: "exclusiveMinimum"
        case .maximum: "maximum"
        case .exclusiveMaximum: "exclusiveMaximum"
        }
    }
}

/// A size bound keyword, on string length, array length or object member count.
enum SizeBound: Sendable {
    case minLength, maxLength, minItems, maxItems, minProperties, maxProperties

    var keyword: String {
        switch self {
        case .minLength: "minLength"
        case .maxLength: "maxLength"
        case .minItems: "minItems"
        case .maxItems: "maxItems"
        case .minProperties: "minProperties"
        case .maxProperties: "maxProperties"
        }
    }

    var isMinimum: Bool {
        switch self {
        case .minLength, .minItems, .minProperties: true
        case .maxLength, .maxItems, .maxProperties: false
        }
    }
}

/// The object keywords that decide which members are "additional": evaluated together.
struct PropertyApplicators: Sendable {
    /// `properties`: a run of ``SchemaProgram/keyedNodes``, keyed by name.
    var properties: Range<Int> = 0..<0
    /// `patternProperties`: a run of ``SchemaProgram/keyedNodes``, keyed by pattern.
    var patterns: Range<Int> = 0..<0
    /// `additionalProperties`.
    var additional: Int?
}

/// A compiled keyword. Each case's evaluation lives in `Evaluation/`, one file per vocabulary.
///
/// Payloads are indexes into the tables of ``SchemaProgram`` (named in the comments), ranges for runs.
enum SchemaKeyword: Sendable {
    // Validation vocabulary
    /// The allowed types, and how the schema lists them (`number or null`, in `strings`).
    case type(SchemaTypes, names: Int)
    /// A run of `values`.
    case enumeration(Range<Int>)
    /// An index in `values`.
    case constant(Int)
    /// An index in `numbers`.
    case multipleOf(Int)
    /// An index in `numbers`.
    case bound(NumericBound, Int)
    case size(SizeBound, Int)
    /// An index in `patterns`.
    case pattern(Int)
    case uniqueItems
    /// A run of `strings`.
    case required(Range<Int>)
    /// A run of `dependencies`.
    case dependentRequired(Range<Int>)
    // Format vocabulary
    /// An index in `strings`.
    case format(Int)
    // Applicator vocabulary (node lists are runs of `nodeLists`)
    case allOf(Range<Int>)
    case anyOf(Range<Int>)
    case oneOf(Range<Int>)
    case not(Int)
    case conditional(if: Int, then: Int?, else: Int?)
    /// A run of `keyedNodes`, keyed by name.
    case dependentSchemas(Range<Int>)
    case properties(PropertyApplicators)
    case propertyNames(Int)
    case items(prefix: Range<Int>, rest: Int?)
    case contains(Int, minimum: Int, maximum: Int?)
    // Core vocabulary
    case reference(slot: Int)
    /// `anchor` is an index in `strings`.
    case dynamicReference(slot: Int, anchor: Int?)
    // Unevaluated vocabulary
    case unevaluatedItems(Int)
    case unevaluatedProperties(Int)
    // The draft 2020-12 meta-schema, checked by compiling the instance as a schema
    case isSchema
}

// MARK: Reading the tables in place

extension SchemaProgram {
    // Each of these reads one table entry through a buffer pointer, which borrows the entry where
    // `table[index]` may copy it and so retain (atomically) its string, array or object: the
    // reference-count traffic evaluation on several threads must avoid. The indexes come from the
    // compiler, which made them from the table's own counts, so they are in bounds by construction;
    // the `guard` keeps a broken program from reading outside the table all the same.

    /// Whether `strings[index]` is `text`, byte for byte.
    func string(_ index: Int, isExactly text: String) -> Bool {
        strings.withUnsafeBufferPointer { strings in
            guard strings.indices.contains(index) else { return false }
            return strings[index].isExactly(text)
        }
    }

    /// Whether the instance has the member `strings[index]`.
    func string(_ index: Int, isKeyIn members: JSONObject) -> Bool {
        strings.withUnsafeBufferPointer { strings in
            guard strings.indices.contains(index) else { return false }
            return members.contains(key: strings[index])
        }
    }

    /// Whether `values[index]` equals `instance` (by JSON Schema's rules).
    func value(_ index: Int, equals instance: JSONValue) -> Bool {
        values.withUnsafeBufferPointer { values in
            guard values.indices.contains(index) else { return false }
            return SchemaEquality.equal(values[index], instance)
        }
    }

    /// Whether `patterns[index]` matches somewhere in `text`.
    func pattern(_ index: Int, matches text: String) -> Bool {
        patterns.withUnsafeBufferPointer { patterns in
            guard patterns.indices.contains(index) else { return false }
            return patterns[index].matches(text)
        }
    }

    /// How `number` compares with `numbers[index]`: negative, zero or positive.
    func compare(_ number: ExactDecimal, toNumber index: Int) -> Int {
        numbers.withUnsafeBufferPointer { numbers in
            guard numbers.indices.contains(index) else { return 0 }
            return number.compare(to: numbers[index].exact)
        }
    }

    // MARK: Building the tables (for the compiler)

    /// Appends `elements` to `table`, returning the run they take.
    static func append<Element>(_ elements: [Element], to table: inout [Element]) -> Range<Int> {
        let start = table.count
        table.append(contentsOf: elements)
        return start..<table.count
    }

    /// Appends `element` to `table`, returning its index.
    static func append<Element>(_ element: Element, to table: inout [Element]) -> Int {
        table.append(element)
        return table.count - 1
    }
}
