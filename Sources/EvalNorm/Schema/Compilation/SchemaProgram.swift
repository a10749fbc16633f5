/// A compiled schema: every subschema reachable from the root as a ``SchemaNode`` in one table,
/// referenced by index, with `$ref`/`$dynamicRef` targets resolved once at compile time.
///
/// Indexes instead of class references keep the program a plain `Sendable` value that any number of
/// threads can evaluate at once, and let reference cycles (`"$ref": "#"`) exist without leaks.
struct SchemaProgram: Sendable {
    /// The compiled subschemas; ``root`` is the one validation starts from.
    var nodes: [SchemaNode] = []
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
    /// The keywords to evaluate, in evaluation order (`unevaluated*` last).
    var keywords: [SchemaKeyword] = []
    /// The resource the node belongs to (for the dynamic scope of `$dynamicRef`).
    var resource: Int
    /// Where the node is: its resource's URI, `#`, and the JSON Pointer inside it.
    var location: String
    /// Whether the node has `unevaluatedProperties` or `unevaluatedItems`, so that evaluating it
    /// needs the annotations of its in-place applicators.
    var needsAnnotations = false
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
    /// `properties`: name → node.
    var properties: [(name: String, node: Int)] = []
    /// `patternProperties`: pattern → node.
    var patterns: [(pattern: SchemaPattern, node: Int)] = []
    /// `additionalProperties`.
    var additional: Int?
}

/// A compiled keyword. Each case's evaluation lives in `Evaluation/`, one file per vocabulary.
enum SchemaKeyword: Sendable {
    // Validation vocabulary
    /// The allowed types, and how the schema lists them (`number or null`).
    case type(SchemaTypes, String)
    case enumeration([JSONValue])
    case constant(JSONValue)
    case multipleOf(ExactDecimal, JSONNumber)
    case bound(NumericBound, ExactDecimal, JSONNumber)
    case size(SizeBound, Int)
    case pattern(SchemaPattern)
    case uniqueItems
    case required([String])
    case dependentRequired([(property: String, required: [String])])
    // Format vocabulary
    case format(String)
    // Applicator vocabulary
    case allOf([Int])
    case anyOf([Int])
    case oneOf([Int])
    case not(Int)
    case conditional(if: Int, then: Int?, else: Int?)
    case dependentSchemas([(property: String, node: Int)])
    case properties(PropertyApplicators)
    case propertyNames(Int)
    case items(prefix: [Int], rest: Int?)
    case contains(Int, minimum: Int, maximum: Int?)
    // Core vocabulary
    case reference(slot: Int)
    case dynamicReference(slot: Int, anchor: String?)
    // Unevaluated vocabulary
    case unevaluatedItems(Int)
    case unevaluatedProperties(Int)
    // The draft 2020-12 meta-schema, checked by compiling the instance as a schema
    case isSchema
}
