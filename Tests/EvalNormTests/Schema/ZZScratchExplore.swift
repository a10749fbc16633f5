import EvalNorm
import Testing

struct ZZScratchExplore {
    func dump(_ s: String, _ i: String, format: Bool = false) {
        do {
            let schema = try JSONSchema(try JSONParser().parse(s), options: ValidationOptions(assertsFormat: format))
            let r = schema.validate(try JSONParser().parse(i))
            print("### \(s)  ~  \(i)  valid=\(r.isValid) isValid=\(schema.isValid(try JSONParser().parse(i)))")
            for e in r.errors { print("   [\(e.instanceLocation)] [\(e.keywordLocation)] abs=\(e.absoluteKeywordLocation ?? "nil") :: \(e.message)") }
        } catch {
            print("### \(s)  ~  \(i)  THROWS code=\(error.code) ptr=\(error.pointer) msg=\(error.message)")
        }
    }
    @Test func explore() {
        let cases: [(String, String)] = [
            (##"{"type":"integer"}"##, ##""1""##),
            (##"{"type":["integer","null"]}"##, ##"1.5"##),
            (##"{"type":"integer"}"##, ##"1.0"##),
            (##"{"required":["a","b","c"]}"##, ##"{"b":1}"##),
            (##"{"properties":{"a":{}},"additionalProperties":false}"##, ##"{"a":1,"x":2,"y/z":3}"##),
            (##"{"enum":["a",1,null,{"x":1},[1]]}"##, ##"2"##),
            (##"{"const":"abc"}"##, ##""abd""##),
            (##"{"const":{"a":1}}"##, ##"{"a":2}"##),
            (##"{"minimum":5}"##, ##"4.99"##),
            (##"{"maximum":5}"##, ##"5.01"##),
            (##"{"exclusiveMinimum":5}"##, ##"5"##),
            (##"{"exclusiveMaximum":5}"##, ##"5.0"##),
            (##"{"minLength":3}"##, ##""ab""##),
            (##"{"maxLength":1}"##, ##""ab""##),
            (##"{"minLength":1}"##, ##""""##),
            (##"{"pattern":"^a+$"}"##, ##""ab""##),
            (##"{"minItems":2}"##, ##"[1]"##),
            (##"{"maxItems":1}"##, ##"[1,2]"##),
            (##"{"uniqueItems":true}"##, ##"[1,2,1.0]"##),
            (##"{"prefixItems":[{"type":"string"}],"items":false}"##, ##"["a",1,2]"##),
            (##"{"prefixItems":[{"type":"string"}],"items":{"type":"integer"}}"##, ##"[1,"b",2]"##),
            (##"{"contains":{"type":"string"}}"##, ##"[1,2]"##),
            (##"{"contains":{"type":"string"},"minContains":2}"##, ##"["a",2]"##),
            (##"{"contains":{"type":"string"},"maxContains":1}"##, ##"["a","b"]"##),
            (##"{"dependentRequired":{"a":["b","c"]}}"##, ##"{"a":1}"##),
            (##"{"propertyNames":{"maxLength":2}}"##, ##"{"abc":1,"ok":2}"##),
            (##"{"propertyNames":{"pattern":"^[a-z]+$"}}"##, ##"{"A":1}"##),
            (##"{"anyOf":[{"type":"string"},{"type":"number"}]}"##, ##"true"##),
            (##"{"anyOf":[{"type":"string"},{"minimum":3}]}"##, ##"1"##),
            (##"{"$defs":{"p":{"type":"object","required":["id"],"properties":{"id":{"type":"string"}}}},"anyOf":[{"$ref":"#/$defs/p"},{"type":"null"}]}"##, ##"{"id":1}"##),
            (##"{"$defs":{"p":{"type":"object","required":["id"],"properties":{"id":{"type":"string"}}}},"anyOf":[{"$ref":"#/$defs/p"},{"type":"null"}]}"##, ##"3"##),
            (##"{"oneOf":[{"type":"integer"},{"minimum":0}]}"##, ##"3"##),
            (##"{"oneOf":[{"type":"integer"},{"type":"string"}]}"##, ##"null"##),
            (##"{"not":{"type":"string"}}"##, ##""x""##),
            (##"{"if":{"properties":{"k":{"const":"a"}}},"then":{"required":["a"]},"else":{"required":["b"]}}"##, ##"{"k":"a"}"##),
            (##"{"if":{"properties":{"k":{"const":"a"}}},"then":{"required":["a"]},"else":{"required":["b"]}}"##, ##"{"k":"z"}"##),
            (##"{"$defs":{"pos":{"type":"integer","minimum":1}},"properties":{"n":{"$ref":"#/$defs/pos"}}}"##, ##"{"n":0}"##),
            (##"{"$id":"https://example.com/root.json","$defs":{"pos":{"type":"integer","minimum":1}},"properties":{"n":{"$ref":"#/$defs/pos"}}}"##, ##"{"n":0}"##),
            (##"{"type":"object","required":["id"],"properties":{"a":{"type":"string"},"b":{"minimum":0}},"additionalProperties":false}"##, ##"{"b":-1,"a":2,"z":0}"##),
            (##"false"##, ##"1"##),
            (##"true"##, ##"1"##),
            (##"{"properties":{"a":false}}"##, ##"{"a":1}"##),
            (##"{"unevaluatedProperties":false,"allOf":[{"properties":{"a":{}}}]}"##, ##"{"a":1,"b":2}"##),
            (##"{"$ref":"#","minimum":0}"##, ##"1"##),
            (##"{"items":{"$ref":"#"}}"##, ##"[[[1]]]"##),
            (##"{"format":"date-time"}"##, ##""nope""##),
            (##"{"minProperties":2}"##, ##"{"a":1}"##),
            (##"{"maxProperties":1}"##, ##"{"a":1,"b":2}"##),
            (##"{"multipleOf":0.1}"##, ##"0.35"##),
            (##"{"dependentSchemas":{"a":{"required":["b"]}}}"##, ##"{"a":1}"##),
            (##"{"unevaluatedItems":false,"prefixItems":[{}]}"##, ##"[1,2]"##),
            (##"{"enum":[1,2,3,4,5,6,7,8,9,10]}"##, ##""x""##),
            (##"{"const":"0123456789012345678901234567890123456789X"}"##, ##""0123456789012345678901234567890123456789Y""##),
        ]
        for (s, i) in cases { dump(s, i) }
        dump(##"{"format":"date-time"}"##, ##""nope""##, format: true)
        dump(##"{"format":"uuid"}"##, ##""nope""##, format: true)
        let bad: [String] = [
            ##"{"minLength":-1}"##, ##"{"type":"strng"}"##, ##"{"required":[1]}"##, ##"{"pattern":"("}"##, ##"{"$ref":"#/nope"}"##,
            ##"{"properties":3}"##, "3", ##"{"properties":{"a":{"minLength":1.5}}}"##, ##"{"allOf":[]}"##, ##"{"$ref":"https://nowhere.example/x.json"}"##,
            ##"{"items":[{}]}"##, ##"{"multipleOf":0}"##, ##"{"enum":3}"##, ##"{"$defs":{"a":{"type":3}}}"##, ##"{"maximum":"1"}"##,
            ##"{"$id":3}"##, ##"{"$ref":"#foo"}"##, ##"{"uniqueItems":1}"##, ##"{"minLength":1.0}"##, ##"{"minLength":1e2}"##,
            ##"{"required":["a","a"]}"##, ##"{"patternProperties":{"(":{}}}"##, ##"{"not":3}"##, "null", ##"[{}]"##, ##"{"type":[]}"##,
            ##"{"dependentRequired":{"a":[1]}}"##, ##"{"additionalProperties":"no"}"##, ##"{"$anchor":"a b"}"##,
        ]
        for s in bad { dump(s, "1") }
        var deep = "true"
        for _ in 0..<257 { deep = ##"{"not":\#(deep)}"# }
        dump(deep, "1")
        var deep2 = "true"
        for _ in 0..<256 { deep2 = ##"{"not":\#(deep2)}"# }
        dump(deep2, "1")
        var deep3 = "{}"
        for _ in 0..<300 { deep3 = ##"{"properties":{"a":\#(deep3)}}"# }
        dump(deep3, "1")
    }
}
