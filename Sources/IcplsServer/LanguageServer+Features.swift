import IcplsJSONRPC

extension LanguageServer {
    /// Editor features beyond diagnostics and code actions; unknown methods are -32601.
    func routeFeature(method: String, params: JSONValue?) throws(ResponseError) -> JSONValue? {
        switch method {
        default:
            throw ResponseError(.methodNotFound, message: "unknown method \(method)")
        }
    }
}
