// DataFramer generation runs (GET /api/dataframer/runs/{run_id}/).

/// A DataFramer spec: what its samples are called, the file each sample becomes, and the fields a
/// sample has, with their types.
private struct DataFramerSpec {
    var name: String
    var sample: String
    var fileExtension: String
    var mediaType: String
    var fields: [(name: String, type: String)]
}

extension DumpGenerator {
    private static let dataFramerSpecs = [
        DataFramerSpec(name: "Travel insurance claim letters", sample: "claim_letter", fileExtension: "md", mediaType: "text/markdown",
                       fields: [("claim_id", "string"), ("policy_number", "string"), ("claimant_name", "string"), ("incident_date", "date"),
                                ("incident_country", "string"), ("amount_claimed", "number"), ("currency", "string"), ("category", "string"),
                                ("narrative", "string"), ("attachments", "array"), ("adjuster_notes", "string"), ("approved", "boolean")]),
        DataFramerSpec(name: "Support chat transcripts — returns", sample: "transcript", fileExtension: "json", mediaType: "application/json",
                       fields: [("conversation_id", "string"), ("channel", "string"), ("language", "string"), ("customer_tier", "string"),
                                ("order_id", "string"), ("turns", "array"), ("sentiment", "number"), ("resolution", "string"),
                                ("escalated", "boolean"), ("csat", "integer")]),
        DataFramerSpec(name: "Clinical trial eligibility notes", sample: "note", fileExtension: "txt", mediaType: "text/plain",
                       fields: [("patient_ref", "string"), ("age", "integer"), ("sex", "string"), ("diagnosis_code", "string"),
                                ("ecog", "integer"), ("prior_lines", "integer"), ("eligible", "boolean"), ("exclusion_reason", "string"),
                                ("site", "string"), ("note_text", "string"), ("reviewer", "string"), ("reviewed_on", "date"),
                                ("confidence", "number"), ("biomarkers", "array")]),
        DataFramerSpec(name: "Invoice line items (EU VAT)", sample: "invoice", fileExtension: "csv", mediaType: "text/csv",
                       fields: [("invoice_no", "string"), ("issue_date", "date"), ("supplier_vat_id", "string"), ("buyer_vat_id", "string"),
                                ("line_no", "integer"), ("sku", "string"), ("description", "string"), ("quantity", "integer"),
                                ("unit_price", "number"), ("vat_rate", "number"), ("net", "number"), ("gross", "number"), ("currency", "string")]),
        DataFramerSpec(name: "Text-to-SQL question pairs", sample: "pair", fileExtension: "jsonl", mediaType: "application/x-ndjson",
                       fields: [("question", "string"), ("sql", "string"), ("dialect", "string"), ("tables", "array"), ("difficulty", "string"),
                                ("uses_join", "boolean"), ("uses_window", "boolean"), ("row_count", "integer")]),
    ]

    private static let dataFramerModels = [
        "anthropic/claude-sonnet-4-5", "anthropic/claude-haiku-4-5", "openai/gpt-4.1", "openai/gpt-4.1-mini",
        "google/gemini-2.5-pro", "deepseek/deepseek-r1",
    ]

    private static let dataFramerUsers = [
        ("noor.haddad@harborline-insurance.example", "Noor Haddad"), ("j.okafor@medrisk.example", "Jide Okafor"),
        ("lena.schmidt@finlytics.example", "Lena Schmidt"), ("yuki.tanaka@shopwave.example", "Yuki Tanaka"),
    ]

    /// DataFramer generation-run documents (GET /api/dataframer/runs/{run_id}/) adding up to at least
    /// `targetBytes`, each from some tens to several hundred KB: valid against
    /// `dataframer-run.schema.json`, and key-heavy, with many small objects of many keys and short
    /// values (numbers, short strings, booleans, nulls).
    ///
    /// Half are current runs with the documented keys in documented order (`null` where the docs allow
    /// it; seedless runs without `dataset_type`, which is not nullable), the newer `runtime_params`, and
    /// one `generated_files` entry per generated file (a file per sample, or a folder of two). The other half are older runs with the legacy keys VENDORS.md lists:
    /// `enable_revisions` in `runtime_params`, `metrics_json` with statistics per generated field, and a
    /// `trace` of generation steps, a dozen and a half keys each.
    mutating func makeDataFramerRuns(targetBytes: Int) -> [[UInt8]] {
        var runs: [[UInt8]] = []
        var total = 0
        while total < targetBytes {
            output = []
            if random.next(below: 2) == 0 {
                appendDataFramerRun()
            } else {
                appendLegacyDataFramerRun()
            }
            total += output.count
            runs.append(output)
        }
        return runs
    }

    /// A current run: every documented key, in the order of the API reference.
    private mutating func appendDataFramerRun() {
        let spec = DumpGenerator.dataFramerSpecs[random.next(below: DumpGenerator.dataFramerSpecs.count)]
        let statuses = ["SUCCEEDED", "SUCCEEDED", "SUCCEEDED", "SUCCEEDED", "SUCCEEDED", "SUCCEEDED", "FAILED", "CANCELED"]
        let status = statuses[random.next(below: statuses.count)]
        let requested = 600 + random.next(below: 2400)
        let failed = random.next(below: requested / 40 + 1)
        let completed = status == "SUCCEEDED" ? requested - failed : requested * (2 + random.next(below: 7)) / 10
        let isSeedless = random.next(below: 6) == 0
        let isFolders = !isSeedless && random.next(below: 2) == 0
        append(#"{"id":""# + uuid() + #"","status":""# + status + #"","spec_id":""# + uuid() + #"","spec_name":""#)
        append(spec.name)
        append(#"","spec_version":"# + String(1 + random.next(below: 12)))
        if isSeedless {
            append(#","dataset_id":null,"dataset_name":null"#)
        } else {
            append(#","dataset_id":""# + uuid() + #"","dataset_name":""# + spec.sample + "s-seed-2026")
            append(isFolders ? #"","dataset_type":"MULTI_FOLDER""# : #"","dataset_type":"MULTI_FILE""#)
        }
        append(#","samples_completed":"# + String(completed) + #","samples_failed":"# + String(failed))
        append(#","total_cost":"#)
        appendCost(upTo: requested / 10)
        let created = random.next(below: 27 * 86_400)
        append(#","created_at":"#)
        appendTimestamp(month: 9, seconds: created, millis: random.next(below: 1000))
        let user = DumpGenerator.dataFramerUsers[random.next(below: DumpGenerator.dataFramerUsers.count)]
        append(#","created_by_email":""# + user.0 + #"","completed_at":"#)
        appendTimestamp(month: 9, seconds: created + completed * (2 + random.next(below: 20)), millis: random.next(below: 1000))

        let generationModel = DumpGenerator.dataFramerModels[random.next(below: DumpGenerator.dataFramerModels.count)]
        let revises = random.next(below: 3) != 0
        append(#","runtime_params":{"number_of_samples":"# + String(requested) + #","generation_model":""# + generationModel)
        append(#"","outline_model":""# + DumpGenerator.dataFramerModels[random.next(below: DumpGenerator.dataFramerModels.count)])
        if revises {
            append(#"","revision_model":""# + DumpGenerator.dataFramerModels[random.next(below: DumpGenerator.dataFramerModels.count)])
            append(random.next(below: 2) == 0 ? #"","revision_types":["consistency","conformance"]"# : #"","revision_types":["conformance"]"#)
        } else {
            append(#"","revision_model":null,"revision_types":[]"#)
        }
        append(random.next(below: 2) == 0 ? #","filtering_types":["structural","conformance"]"# : #","filtering_types":["structural"]"#)
        append(revises ? #","max_revision_cycles":"# + String(1 + random.next(below: 3)) : #","max_revision_cycles":null"#)
        append(#","seed_shuffling_level":"#)
        appendChoice(isSeedless ? ["none"] : ["none", "sample", "field", "prompt"])
        append(isSeedless ? #","max_examples_in_prompt":null"# : #","max_examples_in_prompt":"# + String(2 + random.next(below: 6)))
        append(random.next(below: 3) == 0 ? #","unified_multifield":true"# : #","unified_multifield":false"#)
        // Thinking budgets, `skip_outline` and `tools` came later: some runs predate them.
        if random.next(below: 3) != 0 {
            let thinks = generationModel.hasPrefix("anthropic") || generationModel.hasPrefix("deepseek")
            append(thinks ? #","generation_thinking_budget":"# + String(1024 << random.next(below: 4)) : #","generation_thinking_budget":null"#)
            append(thinks ? #","outline_thinking_budget":2048"# : #","outline_thinking_budget":null"#)
            append(#","revision_thinking_budget":null,"skip_outline":"#)
            append(["false", "true", "null"][random.next(below: 3)])
            append(random.next(below: 3) == 0 ? #","tools":["web_search","python"]"# : #","tools":null"#)
        }
        append(#"},"generated_files":["#)
        for sample in 0..<completed {
            if sample > 0 { append(",") }
            if isFolders {
                appendGeneratedFile(path: "samples/sample_", sample: sample, suffix: "/" + spec.sample + "." + spec.fileExtension,
                                    mediaType: spec.mediaType, size: 800 + random.next(below: 12_000))
                append(",")
                appendGeneratedFile(path: "samples/sample_", sample: sample, suffix: "/metadata.json",
                                    mediaType: "application/json", size: 180 + random.next(below: 400))
            } else {
                appendGeneratedFile(path: "samples/" + spec.sample + "_", sample: sample, suffix: "." + spec.fileExtension,
                                    mediaType: spec.mediaType, size: 800 + random.next(below: 12_000))
            }
        }
        if completed > 0 { append(",") }
        appendGeneratedFile(path: "reports/generation_summary", sample: nil, suffix: ".json", mediaType: "application/json",
                            size: 2000 + random.next(below: 9000))
        append("]}")
    }

    /// An older run: the legacy keys, `enable_revisions`, and the bulk in `metrics_json` and `trace`.
    private mutating func appendLegacyDataFramerRun() {
        let spec = DumpGenerator.dataFramerSpecs[random.next(below: DumpGenerator.dataFramerSpecs.count)]
        let statuses = [("COMPLETED", "Completed"), ("COMPLETED", "Completed"), ("COMPLETED", "Completed"), ("COMPLETED", "Completed"),
                        ("RUNNING", "Running"), ("FAILED", "Failed")]
        let (status, statusDisplay) = statuses[random.next(below: statuses.count)]
        let isDone = status != "RUNNING"
        let requested = 100 + random.next(below: 400)
        let failed = random.next(below: requested / 30 + 1)
        let attempted = status == "COMPLETED" ? requested : requested * (2 + random.next(below: 7)) / 10
        let generationModel = DumpGenerator.dataFramerModels[random.next(below: DumpGenerator.dataFramerModels.count)]
        let revises = random.next(below: 2) == 0
        let user = DumpGenerator.dataFramerUsers[random.next(below: DumpGenerator.dataFramerUsers.count)]
        append(#"{"id":""# + uuid() + #"","status":""# + status + #"","status_display":""# + statusDisplay)
        append(#"","spec_id":""# + uuid() + #"","spec_name":""#)
        append(spec.name)
        append(#"","spec_version":"# + String(1 + random.next(below: 4)) + #","spec_version_id":""# + uuid())
        append(#"","dataset_id":""# + uuid() + #"","dataset_name":""# + spec.sample + "s-seed-2025")
        append(#"","dataset_type":"SINGLE_FILE","samples_completed":"# + String(attempted - failed) + #","samples_failed":"# + String(failed))
        // The oldest runs have no `total_cost` at all.
        if random.next(below: 2) == 0 {
            append(#","total_cost":"#)
            appendCost(upTo: requested / 10)
        }
        let created = random.next(below: 20 * 86_400)
        let duration = (attempted * (3 + random.next(below: 20))) * 10 + random.next(below: 10)
        append(#","created_at":"#)
        appendTimestamp(month: 3, seconds: created, millis: random.next(below: 1000))
        append(#","started_at":"#)
        appendTimestamp(month: 3, seconds: created + 4, millis: random.next(below: 1000))
        append(#","created_by":"# + String(1000 + random.next(below: 400)) + #","created_by_name":""# + user.1)
        append(#"","created_by_email":""# + user.0 + #"","completed_at":"#)
        if isDone {
            appendTimestamp(month: 3, seconds: created + 4 + duration / 10, millis: random.next(below: 1000))
            append(#","duration_seconds":"# + String(duration / 10) + "." + String(duration % 10))
        } else {
            append(#"null,"duration_seconds":null"#)
        }
        append(#","number_of_samples":"# + String(requested))
        append(#","runtime_params":{"number_of_samples":"# + String(requested) + #","generation_model":""# + generationModel)
        append(#"","outline_model":""# + generationModel)
        append(revises ? #"","revision_model":""# + generationModel + #"","enable_revisions":true,"max_revision_cycles":2"# :
                         #"","revision_model":null,"enable_revisions":false,"max_revision_cycles":null"#)
        append(#","seed_shuffling_level":"sample","max_examples_in_prompt":"# + String(2 + random.next(below: 4)))
        append(#","unified_multifield":false},"generated_files":["#)
        if isDone {
            appendGeneratedFile(path: "samples/" + spec.sample + "s", sample: nil, suffix: ".jsonl", mediaType: "application/x-ndjson",
                                size: 100_000 + random.next(below: 4_000_000))
            append(",")
            appendGeneratedFile(path: "reports/generation_summary", sample: nil, suffix: ".json", mediaType: "application/json",
                                size: 2000 + random.next(below: 9000))
        }
        append(#"],"metrics_json":"#)
        if !isDone {
            append("null")
        } else if random.next(below: 6) == 0 {
            // Some runs have their metrics as JSON text.
            append(#""{\"samples\":{\"requested\":"# + String(requested) + #",\"completed\":"# + String(attempted - failed))
            append(#",\"failed\":"# + String(failed) + #"},\"conformance\":0."# + String(80 + random.next(below: 20)) + #"}""#)
        } else {
            appendFieldMetrics(spec, samples: attempted - failed)
            append(#","samples":{"requested":"# + String(requested) + #","completed":"# + String(attempted - failed))
            append(#","failed":"# + String(failed) + #","revised":"# + String(revises ? random.next(below: attempted / 3 + 1) : 0))
            append(#","filtered":"# + String(failed) + "}}")
        }
        append(#","trace":["#)
        appendTrace(samples: attempted, failed: failed, model: generationModel, revises: revises, created: created)
        append("]}")
    }

    /// `{"id":"gf_…","path":"…","file_type":"…","size_bytes":…}`, the path being `path`, the sample
    /// number in five digits if any, and `suffix`.
    private mutating func appendGeneratedFile(path: String, sample: Int?, suffix: String, mediaType: String, size: Int) {
        append(#"{"id":"gf_"#)
        appendHex(10)
        append(#"","path":""#)
        append(path)
        if let sample { appendPadded(sample, width: 5) }
        append(suffix)
        append(#"","file_type":""#)
        append(mediaType)
        append(#"","size_bytes":"#)
        append(String(size))
        append("}")
    }

    /// A cost in dollars below `upTo` + 1, in cents or to six places; now and then `null`.
    private mutating func appendCost(upTo dollars: Int) {
        switch random.next(below: 10) {
        case 0: append("null")
        case 1, 2: append(String(random.next(below: dollars + 1)) + "." + String(100_000 + random.next(below: 900_000)))
        default:
            append(String(random.next(below: dollars + 1)) + ".")
            appendPadded(random.next(below: 100), width: 2)
        }
    }

    /// The opening of an older run's `metrics_json` object: statistics per field of the spec, by the
    /// field's type, up to and without the closing brace.
    private mutating func appendFieldMetrics(_ spec: DataFramerSpec, samples: Int) {
        append(#"{"fields":{"#)
        for (position, field) in spec.fields.enumerated() {
            if position > 0 { append(",") }
            let nulls = random.next(below: 4) == 0 ? random.next(below: samples / 10 + 1) : 0
            append("\"" + field.name + #"":{"type":""# + field.type + #"","fill_rate":"#)
            append(nulls == 0 ? "1.0" : "0." + String(900 + random.next(below: 99)))
            append(#","null_count":"# + String(nulls) + #","distinct":"# + (field.type == "boolean" ? "2" : String(1 + random.next(below: samples + 1))))
            let low = random.next(below: 50), high = 50 + random.next(below: 2000)
            switch field.type {
            case "string", "array":
                let key = field.type == "array" ? "items" : "length"
                append(#","min_"# + key + #"":"# + String(low) + #","max_"# + key + #"":"# + String(high))
                append(#","mean_"# + key + #"":"# + String(low + random.next(below: high - low)) + "." + String(random.next(below: 10)))
            case "integer", "number":
                append(#","min":"# + String(low) + #","max":"# + String(high) + #","mean":"# + String(low + random.next(below: high - low)))
                append(field.type == "number" ? "." + String(random.next(below: 100)) : "")
            case "date":
                append(#","earliest":"2019-0"# + String(1 + random.next(below: 9)) + #"-1"# + String(random.next(below: 10)))
                append(#"","latest":"2025-1"# + String(random.next(below: 3)) + #"-2"# + String(random.next(below: 9)) + "\"")
            default:
                append(#","true_rate":0."# + String(random.next(below: 100)))
            }
            append(#","conformance":0."# + String(85 + random.next(below: 15)))
            append(#","revised":"# + String(random.next(below: 20)) + #","filtered":"# + String(random.next(below: 3)))
            append(random.next(below: 5) == 0 ? #","pii_detected":true}"# : #","pii_detected":false}"#)
        }
        append("}")
    }

    /// An older run's `trace`: for each sample attempted, its outline, generation, revision and
    /// filtering steps, as flat objects of short values.
    private mutating func appendTrace(samples: Int, failed: Int, model: String, revises: Bool, created: Int) {
        var step = 0
        var seconds = created + 5
        for sample in 0..<samples {
            let fails = sample * failed % samples < failed  // about `failed` samples, spread out
            var phases = ["outline", "generate"]
            if revises { phases += Array(repeating: "revise", count: random.next(below: 3)) }
            phases.append("filter")
            for phase in phases {
                if step > 0 { append(",") }
                seconds += random.next(below: 40)
                append(#"{"step":"# + String(step) + #","sample":"# + String(sample) + #","phase":""# + phase)
                append(#"","model":"# + (phase == "filter" ? "null" : "\"" + model + "\""))
                append(#","attempt":"# + String(1 + (random.next(below: 12) == 0 ? 1 : 0)) + #","ok":"#)
                let ok = !(fails && phase == "filter")
                append(ok ? "true" : "false")
                if phase == "filter" {
                    append(#","input_tokens":null,"output_tokens":null,"cached_tokens":null"#)
                } else {
                    append(#","input_tokens":"# + String(400 + random.next(below: 4000)) + #","output_tokens":"# + String(50 + random.next(below: 1500)))
                    append(random.next(below: 3) == 0 ? #","cached_tokens":"# + String(random.next(below: 2048)) : #","cached_tokens":0"#)
                }
                append(#","latency_ms":"# + String(40 + random.next(below: 9000)) + #","cost":"#)
                append(phase == "filter" ? "0" : "0.00" + String(100 + random.next(below: 9900)))
                append(#","revision_type":"# + (phase == "revise" ? #""conformance""# : "null"))
                append(#","filter_type":"# + (phase == "filter" ? #""structural""# : "null"))
                append(#","error":"# + (ok ? "null" : #""schema_mismatch""#) + #","at":"#)
                appendTimestamp(month: 3, seconds: seconds, millis: random.next(below: 1000))
                append("}")
                step += 1
            }
        }
    }
}
