// Lunary feedback and labelled scores ↔ canonical scores.
//
// Each score remembers where it came from in `extensions.lunary.from`: `feedback`, `parentFeedback`,
// `feedbacks` (an element of that array) or `scores`.

extension LunaryCodec {
    static let feedbackKeys = ["thumb", "thumbs", "score", "flags", "comment"]
    static let labelledScoreKeys = ["label", "value", "comment"]

    /// A feedback object as a score named after where it was (`feedback`, `parentFeedback`, `feedbacks`):
    ///
    /// - what the API really writes, `{thumb: "up" | "down" | null, comment}` (older: `thumbs`) → a
    ///   `categorical` score `up`/`down`, no value for `null`, `comment` as ``Score/reasoning``;
    /// - the documented `{score, flags, comment}` → a `number` score; `flags` kept in extensions;
    /// - other keys are kept.
    ///
    /// Returns `nil` when the value is not an object (`feedback: null`), which the run keeps as it is.
    func decodeFeedback(_ value: JSONValue, from source: String, at pointer: JSONPointer) -> Score? {
        guard case .object(let object) = value else { return nil }
        var reader = MemberReader(object, at: pointer, documentedKeys: LunaryCodec.feedbackKeys)
        var score = Score(metric: MetricReference(name: source))
        let thumbKey = reader.has("thumb") || !reader.has("thumbs") ? "thumb" : "thumbs"
        if let thumb = reader.read(thumbKey, .string) {
            score.value = .categorical(thumb)
        } else if let number = reader.read("score", .number) {
            score.value = .number(number)
        }
        reader.keep("flags")
        score.reasoning = reader.read("comment", .string)
        var bag = reader.finish()
        bag.extra["from"] = .string(source)
        if thumbKey == "thumbs" { bag.extra["thumbKey"] = "thumbs" }
        bag.store(in: &score.extensions, vendor: .lunary)
        return score
    }

    func encodeFeedback(_ score: Score, bag: VendorBag) -> JSONObject {
        var writer = MemberWriter(bag: bag, documentedKeys: LunaryCodec.feedbackKeys)
        let thumbKey = bag.extra["thumbKey"]?.stringValue == "thumbs" ? "thumbs" : "thumb"
        switch score.value {
        case .categorical(let label)?:
            writer.write(thumbKey, label, .string)
        case .integer(let number)?, .number(let number)?:
            writer.write("score", number, .number)
        case .boolean(let flag)?:
            writer.write(thumbKey, flag ? "up" : "down", .string)
        case .json, nil:
            break
        }
        writer.write("comment", score.reasoning, .string)
        return writer.finish()
    }

    /// A `scores[]` element `{label, value, comment}`: `label` → ``MetricReference/name``, `value` typed
    /// by its JSON type (boolean; integer without fraction or exponent; number; string → `categorical`;
    /// anything else → `json`), `comment` → ``Score/reasoning``.
    func decodeLabelledScore(_ value: JSONValue, at pointer: JSONPointer) -> Score? {
        guard case .object(let object) = value else { return nil }
        var reader = MemberReader(object, at: pointer, documentedKeys: LunaryCodec.labelledScoreKeys)
        var score = Score(metric: MetricReference(name: reader.read("label", .string)))
        score.value = reader.read("value", .typedByJSON)
        score.reasoning = reader.read("comment", .string)
        var bag = reader.finish()
        bag.extra["from"] = "scores"
        bag.store(in: &score.extensions, vendor: .lunary)
        return score
    }

    func encodeLabelledScore(_ score: Score, bag: VendorBag) -> JSONObject {
        var writer = MemberWriter(bag: bag, documentedKeys: LunaryCodec.labelledScoreKeys)
        writer.write("label", score.metric.name ?? score.metric.id, .string)
        writer.write("value", score.value, .typedByJSON)
        writer.write("comment", score.reasoning, .string)
        return writer.finish()
    }
}

extension FieldCoding where Value == ScoreValue {
    /// A score value typed by its JSON type: boolean; a number without fraction or exponent is an
    /// `integer`, any other number a `number`; a string is `categorical`; anything else but `null` is `json`.
    static let typedByJSON = FieldCoding(
        decode: { value in
            switch value {
            case .null: nil
            case .bool(let flag): .boolean(flag)
            case .number(let number): number.isInteger ? .integer(number) : .number(number)
            case .string(let label): .categorical(label)
            case .array, .object: .json(value)
            }
        },
        encode: { value in
            switch value {
            case .boolean(let flag): .bool(flag)
            case .integer(let number), .number(let number): .number(number)
            case .categorical(let label): .string(label)
            case .json(let json): json
            }
        })
}
