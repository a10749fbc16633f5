// The canonical JSON form of the small parts of a run (DESIGN §3), read and written in one place
// each, so that the key names and their order are stated once.

extension RunSource {
    init(canonical value: JSONValue, at pointer: JSONPointer) throws(EvalNormError) {
        let reader = try ObjectReader(value, at: pointer, allowedKeys: ["vendor", "documents"])
        let vendor = try ObjectReader.string(reader.required("vendor"), at: pointer.appending("vendor"))
        self.init(vendor: Vendor(rawValue: vendor), documents: try reader.array("documents", ObjectReader.string) ?? [])
    }

    var canonicalValue: JSONValue {
        ["vendor": .string(vendor.rawValue), "documents": .array(documents.map(JSONValue.string))]
    }
}

extension Dataset {
    init(canonical value: JSONValue, at pointer: JSONPointer) throws(EvalNormError) {
        let reader = try ObjectReader(value, at: pointer, allowedKeys: ["id", "name", "version", "kind", "collection"])
        self.init(id: try reader.string("id"), name: try reader.string("name"), version: try reader.string("version"),
                  kind: try reader.string("kind"), collection: try reader.string("collection"))
    }

    var canonicalValue: JSONValue {
        var builder = ObjectBuilder()
        builder.add("id", id)
        builder.add("name", name)
        builder.add("version", version)
        builder.add("kind", kind)
        builder.add("collection", collection)
        return builder.value
    }
}

extension EvaluatedSystem {
    init(canonical value: JSONValue, at pointer: JSONPointer) throws(EvalNormError) {
        let reader = try ObjectReader(value, at: pointer, allowedKeys: ["id", "name", "version", "versionId", "model"])
        self.init(id: try reader.string("id"), name: try reader.string("name"), version: try reader.string("version"),
                  versionId: try reader.string("versionId"), model: try reader.string("model"))
    }

    var canonicalValue: JSONValue {
        var builder = ObjectBuilder()
        builder.add("id", id)
        builder.add("name", name)
        builder.add("version", version)
        builder.add("versionId", versionId)
        builder.add("model", model)
        return builder.value
    }
}

extension MetricReference {
    init(canonical value: JSONValue, at pointer: JSONPointer) throws(EvalNormError) {
        let reader = try ObjectReader(value, at: pointer, allowedKeys: ["id", "versionId", "name"])
        self.init(id: try reader.string("id"), versionId: try reader.string("versionId"), name: try reader.string("name"))
    }

    var canonicalValue: JSONValue {
        var builder = ObjectBuilder()
        builder.add("id", id)
        builder.add("versionId", versionId)
        builder.add("name", name)
        return builder.value
    }
}

extension RunCounts {
    init(canonical value: JSONValue, at pointer: JSONPointer) throws(EvalNormError) {
        let reader = try ObjectReader(value, at: pointer, allowedKeys: ["records", "expectedRecords", "scores", "succeeded", "failed"])
        self.init(records: try reader.number("records"), expectedRecords: try reader.number("expectedRecords"),
                  scores: try reader.number("scores"), succeeded: try reader.number("succeeded"), failed: try reader.number("failed"))
    }

    var canonicalValue: JSONValue {
        var builder = ObjectBuilder()
        builder.add("records", records)
        builder.add("expectedRecords", expectedRecords)
        builder.add("scores", scores)
        builder.add("succeeded", succeeded)
        builder.add("failed", failed)
        return builder.value
    }
}

extension Cost {
    init(canonical value: JSONValue, at pointer: JSONPointer) throws(EvalNormError) {
        let reader = try ObjectReader(value, at: pointer, allowedKeys: ["total", "currency"])
        self.init(total: try ObjectReader.number(reader.required("total"), at: pointer.appending("total")),
                  currency: try reader.string("currency"))
    }

    var canonicalValue: JSONValue {
        var builder = ObjectBuilder()
        builder.add("total", total)
        builder.add("currency", currency)
        return builder.value
    }
}

extension TokenUsage {
    init(canonical value: JSONValue, at pointer: JSONPointer) throws(EvalNormError) {
        let reader = try ObjectReader(value, at: pointer, allowedKeys: ["promptTokens", "completionTokens", "totalTokens"])
        self.init(promptTokens: try reader.number("promptTokens"), completionTokens: try reader.number("completionTokens"),
                  totalTokens: try reader.number("totalTokens"))
    }

    var canonicalValue: JSONValue {
        var builder = ObjectBuilder()
        builder.add("promptTokens", promptTokens)
        builder.add("completionTokens", completionTokens)
        builder.add("totalTokens", totalTokens)
        return builder.value
    }
}

extension RunResult {
    init(canonical value: JSONValue, at pointer: JSONPointer) throws(EvalNormError) {
        let reader = try ObjectReader(value, at: pointer, allowedKeys: ["score", "threshold", "passed", "byMetric"])
        var byMetric: [MetricScore]?
        if let object = try reader.object("byMetric") {
            let mapPointer = pointer.appending("byMetric")
            try ObjectReader.rejectDuplicateKeys(in: object, at: mapPointer)
            byMetric = []
            for member in object {
                byMetric?.append(MetricScore(metric: member.key, score: try ObjectReader.number(member.value, at: mapPointer.appending(member.key))))
            }
        }
        self.init(score: try reader.number("score"), threshold: try reader.number("threshold"), passed: try reader.bool("passed"), byMetric: byMetric)
    }

    var canonicalValue: JSONValue {
        var builder = ObjectBuilder()
        builder.add("score", score)
        builder.add("threshold", threshold)
        builder.add("passed", passed)
        builder.add("byMetric", byMetric.map { entries in
            JSONValue.object(JSONObject(entries.map { JSONObject.Member(key: $0.metric, value: .number($0.score)) }))
        })
        return builder.value
    }
}

extension Artifact {
    init(canonical value: JSONValue, at pointer: JSONPointer) throws(EvalNormError) {
        let reader = try ObjectReader(value, at: pointer, allowedKeys: ["id", "path", "mediaType", "sizeBytes"])
        self.init(id: try reader.string("id"), path: try reader.string("path"), mediaType: try reader.string("mediaType"),
                  sizeBytes: try reader.number("sizeBytes"))
    }

    var canonicalValue: JSONValue {
        var builder = ObjectBuilder()
        builder.add("id", id)
        builder.add("path", path)
        builder.add("mediaType", mediaType)
        builder.add("sizeBytes", sizeBytes)
        return builder.value
    }
}

extension ScoreScale {
    init(canonical value: JSONValue, at pointer: JSONPointer) throws(EvalNormError) {
        let reader = try ObjectReader(value, at: pointer, allowedKeys: ["min", "max"])
        self.init(min: try ObjectReader.number(reader.required("min"), at: pointer.appending("min")),
                  max: try ObjectReader.number(reader.required("max"), at: pointer.appending("max")))
    }

    var canonicalValue: JSONValue { ["min": .number(min), "max": .number(max)] }
}

extension ValidationIssue {
    init(canonical value: JSONValue, at pointer: JSONPointer) throws(EvalNormError) {
        let reader = try ObjectReader(value, at: pointer, allowedKeys: ["path", "message"])
        self.init(path: try ObjectReader.string(reader.required("path"), at: pointer.appending("path")),
                  message: try ObjectReader.string(reader.required("message"), at: pointer.appending("message")))
    }

    var canonicalValue: JSONValue { ["path": .string(path), "message": .string(message)] }
}
