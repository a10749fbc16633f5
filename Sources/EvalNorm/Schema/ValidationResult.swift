/// One reason an instance is invalid against a schema, as in JSON Schema's "basic" output format.
public struct ValidationError: Sendable, Equatable, CustomStringConvertible {
    /// Where the failing keyword is, as the path taken through the schema (`/properties/id/type`;
    /// `$ref` hops appear as `/$ref`).
    public var keywordLocation: JSONPointer
    /// The failing keyword's absolute location, `URI#/pointer`, given when the path went through a
    /// reference (the basic output format asks for it then); `nil` otherwise.
    public var absoluteKeywordLocation: String?
    /// Where the offending value is in the instance.
    public var instanceLocation: JSONPointer
    /// What is wrong, for a person: `expected integer, found string "1"`.
    public var message: String

    public init(keywordLocation: JSONPointer, absoluteKeywordLocation: String? = nil,
                instanceLocation: JSONPointer, message: String) {
        self.keywordLocation = keywordLocation
        self.absoluteKeywordLocation = absoluteKeywordLocation
        self.instanceLocation = instanceLocation
        self.message = message
    }

    /// `INSTANCE-POINTER: message (KEYWORD-POINTER)`; the pointer is left out when the error is about
    /// the whole instance.
    public var description: String {
        let at = instanceLocation.isRoot ? "" : "\(instanceLocation): "
        return EvalNormError.escapingControlCharacters("\(at)\(message) (\(keywordLocation))")
    }
}

/// The outcome of validating one instance: valid, or every error found.
public struct ValidationResult: Sendable, Equatable {
    /// Every error, in the order the schema's keywords were evaluated; empty when valid.
    public var errors: [ValidationError]

    public init(errors: [ValidationError]) {
        self.errors = errors
    }

    /// Whether the instance is valid.
    public var isValid: Bool { errors.isEmpty }

    /// The result in JSON Schema's "basic" output format:
    /// `{"valid": false, "errors": [{"keywordLocation", "absoluteKeywordLocation"?, "instanceLocation", "error"}]}`.
    public var basicOutput: JSONValue {
        var object: JSONObject = ["valid": .bool(isValid)]
        if !isValid {
            object.append(key: "errors", value: .array(errors.map { error in
                var entry: JSONObject = ["keywordLocation": .string(error.keywordLocation.description)]
                if let absolute = error.absoluteKeywordLocation {
                    entry.append(key: "absoluteKeywordLocation", value: .string(absolute))
                }
                entry.append(key: "instanceLocation", value: .string(error.instanceLocation.description))
                entry.append(key: "error", value: .string(error.message))
                return .object(entry)
            }))
        }
        return .object(object)
    }
}
