// The Scorecard `score` object: arbitrary JSON that should follow the metric's output schema.

extension ScorecardCodec {
    /// What a Scorecard `score` object means, typed by its keys:
    ///
    /// - `{binaryScore: Bool, reasoning?}` → `boolean`
    /// - `{intScore: integer, reasoning?}` → `integer`, scale 1–5
    /// - `{floatScore: number, reasoning?}` → `number`, scale 0–1
    /// - `{value: …, reasoning?}` → typed by the JSON type of `value`: boolean, integer (no fraction or
    ///   exponent), number, or string → `categorical`
    /// - anything else (several numeric keys, `{}`, extra keys) → `json` with the whole object, and
    ///   its `reasoning`, if a string, as ``Score/reasoning`` too.
    ///
    /// Returns `nil` when `score` is not an object.
    static func scoreValue(of score: JSONValue) -> (value: ScoreValue, reasoning: String?, scale: ScoreScale?, key: String?)? {
        guard case .object(let object) = score else { return nil }
        let reasoning = object["reasoning"]?.stringValue
        if let first = object.first, first.key != "reasoning", object.count <= 2 {
            let typed: (ScoreValue, ScoreScale?)? = switch (first.key, first.value) {
            case ("binaryScore", .bool(let flag)): (.boolean(flag), nil)
            case ("intScore", .number(let number)) where number.isIntegral: (.integer(number), ScoreScale(min: 1, max: 5))
            case ("floatScore", .number(let number)): (.number(number), ScoreScale(min: 0, max: 1))
            case ("value", .bool(let flag)): (.boolean(flag), nil)
            case ("value", .number(let number)): (number.isInteger ? .integer(number) : .number(number), nil)
            case ("value", .string(let label)): (.categorical(label), nil)
            default: nil
            }
            if let (value, scale) = typed, scoreObject(value, reasoning: reasoning, key: first.key) == score {
                return (value, reasoning, scale, first.key)
            }
        }
        return (.json(score), reasoning, nil, nil)
    }

    /// The key a typed value is written under unless the score said otherwise.
    static func defaultScoreKey(for type: ScoreType) -> String? {
        switch type {
        case .boolean: "binaryScore"
        case .integer: "intScore"
        case .number: "floatScore"
        case .categorical: "value"
        case .json: nil
        }
    }

    /// The `score` object for a value: `{<key>: value, reasoning?}`, or the JSON value itself.
    static func scoreObject(_ value: ScoreValue, reasoning: String?, key: String?) -> JSONValue {
        let member: JSONValue
        switch value {
        case .json(let json): return json
        case .boolean(let flag): member = .bool(flag)
        case .integer(let number), .number(let number): member = .number(number)
        case .categorical(let label): member = .string(label)
        }
        var object = JSONObject([JSONObject.Member(key: key ?? defaultScoreKey(for: value.type) ?? "value", value: member)])
        if let reasoning { object.append(key: "reasoning", value: .string(reasoning)) }
        return .object(object)
    }
}

extension FieldCoding where Value == [ValidationIssue] {
    /// Scorecard `validationErrors`: `[{path, message}]`.
    static let validationIssues = FieldCoding(
        decode: { value in
            guard case .array(let elements) = value else { return nil }
            var issues: [ValidationIssue] = []
            for element in elements {
                guard let path = element["path"]?.stringValue, let message = element["message"]?.stringValue else { return nil }
                issues.append(ValidationIssue(path: path, message: message))
            }
            return issues
        },
        encode: { issues in .array(issues.map { ["path": .string($0.path), "message": .string($0.message)] }) })
}
