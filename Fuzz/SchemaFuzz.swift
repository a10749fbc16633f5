// Fuzz target `schema`: the input is a JSON array `[schema, instance, ...]`. Compiling any schema and
// validating any instance ends with a result or an error, never a crash or hang, and the fast check
// (`isValid`) agrees with the full report (`validate`).

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSchema(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    guard case .array(let values)? = try? JSONParser().parse(bytes(data, size)), let schemaValue = values.first else { return 0 }
    for assertsFormat in [false, true] {
        guard let schema = try? JSONSchema(schemaValue, options: ValidationOptions(assertsFormat: assertsFormat)) else { return 0 }
        for instance in values.dropFirst() {
            let result = schema.validate(instance)
            require(result.isValid == schema.isValid(instance), "isValid and validate disagree")
            require(result.isValid || !result.errors.isEmpty, "invalid without an error")
        }
    }
    return 0
}
